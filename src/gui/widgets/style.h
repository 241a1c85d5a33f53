#pragma once

#include "core/settings.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QAbstractItemView;

namespace statescope::gui::style {

// Colours that carry meaning, the same in every pane: a banner's kind, admin mode, a
// production server. They are strong enough on a light and on a dark palette.
enum class Tone { Neutral, Success, Warning, Danger, Admin };
QColor toneColour(Tone tone);
// base mixed with tint by amount (0: base, 1: tint), for backgrounds that keep the palette.
QColor blend(const QColor &base, const QColor &tint, double amount);
// Black or white, whichever reads better on background.
QColor textOn(const QColor &background);

// Series colours: the Okabe-Ito palette (distinct for the common kinds of colour blindness),
// in an order that keeps neighbours far apart; it repeats after eight.
QColor seriesColour(int index);
int seriesColourCount(); // colours before seriesColour() repeats
// The palette index a series of this name is drawn in, in every chart and every session: a
// name ending in a number (a week: "spacetraders_2025_w03", "2025-W03") by that number, so
// consecutive weeks are far apart; any other name by a hash of it.
int seriesColourFor(const QString &name);

// View > Theme: System keeps the platform's palette (Fusion style); Light and Dark set one.
void applyTheme(settings::Theme theme);
bool isDark();

// An icon by its freedesktop name ("view-refresh"), from the platform's icon theme when it
// has one, else the copy bundled with Statescope (resources/icons/actions/NAME.svg).
QIcon icon(const QString &name);

// Enabled when `whyNot` is empty; else disabled, with `whyNot` as its tooltip in place of
// what it does (kept, and put back once it is enabled): a disabled button says why.
void enableOrSayWhy(QWidget *w, const QString &whyNot);
// The tooltip a widget given to enableOrSayWhy() has when enabled (the GUI audit).
QString whatItDoes(const QWidget *w);

// One row height for every table and tree (text height plus a fixed padding), and no
// word-wrapped rows growing past it.
void uniformRows(QAbstractItemView *view);

} // namespace statescope::gui::style
