#pragma once

#include <QStringList>
#include <QTableView>

#include <functional>

class QAbstractItemView;
class QComboBox;
class QHeaderView;
class QTableWidget;
class QWidget;

namespace statescope::gui {

// A list whose rows open somewhere: Enter on the current row calls `activate` with it, as
// the view's owner makes a double-click do.
class RowOpeningView : public QTableView
{
public:
    using QTableView::QTableView;
    std::function<void(int)> activate;

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

// A read-only table of rows for a pane's lists: whole rows selected one at a time, no row
// numbers, no wrapping, the last column taking the rest of the width.
QTableWidget *readOnlyTable(QWidget *parent, const QString &objectName, const QStringList &headers);

// The header of a table's or tree's columns; null for a list.
QHeaderView *columnsOf(const QAbstractItemView *view);

// Widens every section but the last to its whole title where it is narrower: a title that
// is longer in German ("Zeilen (geschätzt)") is not cut while the last section has room.
void fitHeaderTitles(QHeaderView *header);

// Every column but a stretched last one as wide as its title and the cells in sight ask,
// at most `cap` px (a longer text is cut, its whole text in the cell's tooltip): a two-digit
// number gets no 160 px while a name beside it is cut.
// Grow leaves a column wider than its cells ask as it is: a list refreshed every few seconds
// (Activity) does not jump, and keeps what the person widened; its first fill is exact.
enum class Fit { Exact, Grow };
void fitColumns(QAbstractItemView *view, int cap = 360, Fit fit = Fit::Exact);
// Exact the first time the view has rows, Grow after.
void fitRefreshedColumns(QAbstractItemView *view, int cap = 360);
// fitColumns() each time the view's model is reset or gets its first rows (a page read
// later keeps the widths, and so does a column the person widened since).
void fitColumnsOnNewRows(QAbstractItemView *view, int cap = 360);

// Fills a row with text cells, each with its text as tooltip (a cut cell can be read whole).
void setRowTexts(QTableWidget *table, int row, const QStringList &cells);

// The operators of a column filter (browse::Filter::Op as item data): =, ≠, <, ≤, >, ≥,
// contains, is NULL, is not NULL.
void addFilterOps(QComboBox *box);

} // namespace statescope::gui
