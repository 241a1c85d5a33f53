#pragma once

// Room for what a widget must show whole (issue 62): a field's hint, a short list beside
// other work in a splitter.

class QAbstractItemView;
class QLineEdit;
class QSplitter;
class QWidget;

namespace statescope::gui {

// The width a field needs to show its placeholder whole (frame, margins and the icons
// beside its text counted), at most `cap`.
int placeholderWidth(const QLineEdit *edit, int cap = 400);
// Every field of the application with a placeholder at least placeholderWidth() wide, each
// time it is shown: the end of a hint ("…comma-separated", "…(optional)") says what to type.
// A hint longer than the cap is to be shortened, its rest said in the tooltip. One filter
// for the whole application, installed by style::applyTheme().
void installPlaceholderRoom();

// A short list (a few columns, or a few rows) beside other work in a splitter: whenever its
// rows or columns change, the splitter gives the list's side the width its columns need (or,
// in a vertical splitter, the height all its rows need: a table), up to `share` of the
// whole, taken from the largest other side; it never makes it smaller, and leaves the
// splitter alone once the person has moved it.
void roomForList(QSplitter *split, QAbstractItemView *list, double share = 0.45);

} // namespace statescope::gui
