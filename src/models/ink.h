#pragma once

#include <QColor>

class QPalette;

namespace statescope::models::ink {

// Colours that carry a meaning in cells and text (a failure, an addition, a change...), made
// for the palette in use so that they read in the light, the dark and the platform's theme:
// every text colour has a contrast of at least 4.5:1 on the palette's base, and the palette's
// text has at least 4.5:1 on every fill.
enum class Meaning { Danger, Success, Warning, Changed, Muted, Link, Admin };

// Text in this meaning on the palette's base (or on `background` when given).
QColor text(Meaning meaning);
QColor text(Meaning meaning, const QColor &background);
// A cell's background in this meaning, under the palette's own text colour.
QColor fill(Meaning meaning);
// A fill that is quieter than fill(): a row that only holds changes further down.
QColor faintFill(Meaning meaning);

// WCAG 2 contrast ratio of two opaque colours, 1 to 21.
double contrast(const QColor &a, const QColor &b);
// `colour`, moved towards the palette's text (or away from `background`) until it reaches
// `ratio` against `background`.
QColor readable(const QColor &colour, const QColor &background, double ratio = 4.5);

} // namespace statescope::models::ink
