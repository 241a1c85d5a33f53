// "Compare weeks…" (Ctrl+Alt+C): two weeks of the family side by side, on one server or two. The
// frame and the sides are here; each tab has its file: schematab, rowstab, apitab, drifttab.
#include "gui/compare/comparedialog.h"

#include "core/browse/datacompare.h"
#include "core/weekly/drift.h"
#include "core/events/apichange.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

CompareDialog::CompareDialog(const weekly::Family &family, int current, QWidget *parent)
    : QDialog(parent), m_family(family), m_from(new QComboBox(this)), m_to(new QComboBox(this)),
      m_tabs(new QTabWidget(this)), m_status(new QLabel(this)), m_jobs(new JobRunner(this)),
      m_progress(new ProgressPanel(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare weeks of %1").arg(family.prefix()));
    const bool servers = family.spansServers();
    for (const weekly::FamilyWeek &w : family.weeks()) {
        m_from->addItem(w.label(servers));
        m_to->addItem(w.label(servers));
    }
    m_from->setObjectName(QStringLiteral("compareFrom"));
    m_to->setObjectName(QStringLiteral("compareTo"));
    setSides(std::max(0, current - 1), std::max(0, current));

    m_tabs->addTab(buildSchemaTab(), tr("&Schema"));
    m_tabs->addTab(buildRowsTab(), tr("&Rows"));
    m_tabs->addTab(buildApiTab(), tr("&API"));
    m_tabs->addTab(buildDriftTab(), tr("&Drift (every week)"));
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int tab) { m_status->setText(tab >= 0 && tab <= DriftTab ? m_statusOf[tab] : QString()); });
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *sides = new QHBoxLayout;
    sides->addWidget(new QLabel(tr("From:"), this));
    sides->addWidget(m_from);
    sides->addWidget(new QLabel(tr("to:"), this));
    sides->addWidget(m_to);
    sides->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sides);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(close);
    m_progress->follow(m_jobs);
    resize(1100, 720);
}

QString CompareDialog::changeLabel(const QString &change)
{
    if (change == QLatin1String("added"))
        return tr("added");
    if (change == QLatin1String("removed"))
        return tr("removed");
    if (change == QLatin1String("changed"))
        return tr("changed");
    return change;
}

CompareDialog::~CompareDialog()
{
    delete m_jobs; // what runs ends (cancelled) before the widgets it reports to
}

void CompareDialog::setSides(int from, int to)
{
    m_from->setCurrentIndex(std::clamp(from, 0, int(m_family.weeks().size()) - 1));
    m_to->setCurrentIndex(std::clamp(to, 0, int(m_family.weeks().size()) - 1));
}

const weekly::FamilyWeek &CompareDialog::from() const
{
    return m_family.weeks().at(m_from->currentIndex());
}

const weekly::FamilyWeek &CompareDialog::to() const
{
    return m_family.weeks().at(m_to->currentIndex());
}

void CompareDialog::setStatus(Tab tab, const QString &text)
{
    m_statusOf[tab] = text;
    if (m_tabs->currentIndex() == tab)
        m_status->setText(text);
}

void CompareDialog::fail(const QString &what, const Error &error)
{
    const Tab tab = what == QLatin1String("schema") ? SchemaTab
                    : what == QLatin1String("api")  ? ApiTab
                    : what == QLatin1String("drift") ? DriftTab
                                                     : RowsTab; // rows, export
    setStatus(tab, tr("%1: %2 %3").arg(what, error.message(), error.hint()).trimmed());
    emit finished(what);
}

} // namespace statescope::gui
