// The Activity pane's table cells: figures that sort by their number (ages, pids, sizes), ages,
// percentages and marked rows, shared by its tabs.
#include "gui/activity/activitypane.h"

#include "models/ink.h"
#include "gui/widgets/tablewidgets.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTime>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace statescope::gui {

using namespace statescope::activity;

namespace {

// Sorts by the number it carries (ages, pids), not by its text.
class SortItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        const QVariant mine = data(ActivityPane::SortRole), theirs = other.data(ActivityPane::SortRole);
        if (mine.isValid() && theirs.isValid())
            return mine.toDouble() < theirs.toDouble();
        return QTableWidgetItem::operator<(other);
    }
};

} // namespace

QTableWidget *ActivityPane::makeTable(QWidget *parent, const QString &name, const QStringList &headers)
{
    return readOnlyTable(parent, name, headers);
}

QTableWidgetItem *ActivityPane::cell(const QString &text, double sortKey)
{
    auto *item = new SortItem(text);
    item->setData(ActivityPane::SortRole, sortKey);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidgetItem *ActivityPane::cell(const QString &text)
{
    return new SortItem(text);
}

QString ActivityPane::age(const std::optional<double> &seconds)
{
    if (!seconds)
        return QString();
    const double s = std::max(0.0, *seconds);
    if (s < 10)
        return tr("%1 s").arg(QLocale().toString(s, 'f', 1));
    const qint64 whole = qint64(s);
    if (whole < 120)
        return tr("%1 s").arg(whole);
    if (whole < 7200)
        return tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    if (whole < 172800)
        return tr("%1 h %2 min").arg(whole / 3600).arg((whole % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(whole / 86400).arg((whole % 86400) / 3600);
}

QString ActivityPane::number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString ActivityPane::percent(double ratio, int decimals)
{
    return tr("%1 %").arg(QLocale().toString(ratio * 100, 'f', decimals));
}

QString ActivityPane::pidList(const QList<int> &pids)
{
    QStringList out;
    for (int p : pids)
        out << QString::number(p);
    return out.join(QStringLiteral(", "));
}

void ActivityPane::mark(QTableWidget *table, int row, const QString &why) const
{
    for (int c = 0; c < table->columnCount(); ++c) {
        QTableWidgetItem *item = table->item(row, c);
        if (!item) {
            item = cell(QString());
            table->setItem(row, c, item);
        }
        style::setFill(item, models::ink::Meaning::Warning);
        item->setToolTip(item->toolTip().isEmpty() ? why : why + QStringLiteral("\n\n") + item->toolTip());
    }
}

} // namespace statescope::gui
