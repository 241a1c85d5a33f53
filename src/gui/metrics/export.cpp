// The Metrics pane's export of the chart on screen: PNG, SVG, or its series as CSV.
#include "gui/metrics/metricspane.h"
#include "core/format.h"
#include "core/layout/layout.h"

#include "core/pg/connection.h"
#include "core/weekly/weeklyname.h"
#include "gui/widgets/chartview.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "core/settings.h"
#include "models/seriestablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::metrics;

bool MetricsPane::exportPng(const QString &path, QString *error) const
{
    if (m_chart->grab().save(path, "PNG"))
        return true;
    if (error)
        *error = tr("Could not write %1.").arg(path);
    return false;
}

bool MetricsPane::exportSvg(const QString &path, QString *error) const
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(m_chart->size());
    svg.setViewBox(QRect(QPoint(0, 0), m_chart->size()));
    svg.setTitle(m_metric->currentText());
    QPainter painter;
    if (!painter.begin(&svg)) {
        if (error)
            *error = tr("Could not write %1.").arg(path);
        return false;
    }
    m_chart->render(&painter);
    painter.end();
    return true;
}

bool MetricsPane::exportCsv(const QString &path, QString *error) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(toCsv(m_shown)) < 0) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void MetricsPane::exportWithDialog(const QString &kind)
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export %1").arg(kind), m_metric->currentData().toString() + QLatin1Char('.') + kind.toLower(),
        tr("%1 files (*.%2)").arg(kind, kind.toLower()));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = kind == QLatin1String("PNG")   ? exportPng(path, &error)
                    : kind == QLatin1String("SVG") ? exportSvg(path, &error)
                                                   : exportCsv(path, &error);
    if (ok)
        m_messages->showSuccess(tr("Exported %1.").arg(path));
    else
        m_messages->showError(Error(Error::Kind::Environment, error));
}

} // namespace statescope::gui
