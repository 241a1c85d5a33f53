#pragma once

// What follows the theme while the app runs (View > Theme). A colour computed from the
// palette once and kept (a label's meaning, a cell's tint, an icon's strokes, a highlighter's
// formats) is the other theme's after a switch: light keys on a dark page. Everything here is
// computed again when style::applyTheme() sets a palette.

#include "models/ink.h"

#include <QIcon>
#include <QObject>

#include <functional>
#include <utility>

class QListWidgetItem;
class QStandardItem;
class QTableWidgetItem;
class QTreeWidgetItem;
class QWidget;

namespace statescope::gui::style {

// Says changed() after applyTheme() has set the application's palette.
class ThemeNotifier : public QObject
{
    Q_OBJECT
public:
    static ThemeNotifier *instance();
signals:
    void changed();
};

// Calls `f` whenever the theme changes, as long as `context` lives.
template <typename F>
void onThemeChange(QObject *context, F &&f)
{
    QObject::connect(ThemeNotifier::instance(), &ThemeNotifier::changed, context, std::forward<F>(f));
}

// A widget's text in a meaning's colour against its window (with `css` added to the rule,
// e.g. "font-weight: bold"), kept in that meaning when the theme changes.
void setInk(QWidget *w, models::ink::Meaning meaning, const QString &css = {});
// Back to the palette's own text colour.
void clearInk(QWidget *w);
// A cell's text in a meaning's colour, kept so in its table, tree or list when the theme
// changes (the meaning is kept beside the colour, in inkRole).
constexpr int inkRole = Qt::UserRole + 0x5c0;
void setInk(QTableWidgetItem *item, models::ink::Meaning meaning);
void setInk(QTreeWidgetItem *item, int column, models::ink::Meaning meaning);
void setInk(QListWidgetItem *item, models::ink::Meaning meaning);
void setInk(QStandardItem *item, models::ink::Meaning meaning);
// A cell's background in a meaning's fill, kept so the same way (in fillRole).
constexpr int fillRole = Qt::UserRole + 0x5c1;
void setFill(QTableWidgetItem *item, models::ink::Meaning meaning);
void setFill(QTreeWidgetItem *item, int column, models::ink::Meaning meaning);

// An icon drawn from an SVG made for the palette in use at the time it is drawn: `make` is
// asked again after the theme changes.
QIcon paletteIcon(std::function<QByteArray(const QPalette &)> make);

// Called by applyTheme(): every widget and cell set above, then changed().
void themeChanged();

} // namespace statescope::gui::style
