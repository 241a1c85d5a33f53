// The SQL pane's Run on weeks: the statement on several weeks of the family at once, each
// week's rows, state and time side by side (widgets/familyrun.h).
#include "gui/console/consolepane.h"

#include "core/layout/catalog.h"
#include "core/pg/connection.h"
#include "core/settings.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/sqlhighlighter.h"
#include "gui/widgets/style.h"
#include "models/rowgridmodel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFile>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace statescope::gui {

using namespace statescope::browse;

void ConsolePane::setFamily(const weekly::Family &family)
{
    m_family = family;
    m_runWeeks->setEnabled(!family.isEmpty());
    m_runWeeks->setToolTip(family.isEmpty()
                               ? tr("Only for a weekly database (prefix_YYYY_wNN): its family's weeks")
                               : tr("Run the statement under the cursor on the weeks of %1 (%n week(s)) (%2)", nullptr,
                                    int(family.weeks().size()))
                                     .arg(family.prefix(), m_runWeeks->shortcut().toString(QKeySequence::NativeText)));
}

void ConsolePane::chooseWeeksAndRun()
{
    const QString statement = m_editor->currentStatement();
    if (statement.isEmpty() || m_family.isEmpty())
        return;
    FamilyRunDialog dialog(m_family, statement, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    runOnWeeks(dialog.chosen(), dialog.parallelism());
}

FamilyRunView *ConsolePane::runOnWeeks(const QList<weekly::FamilyWeek> &weeks, int parallelism)
{
    const QString statement = m_editor->currentStatement();
    if (statement.isEmpty() || weeks.isEmpty())
        return nullptr;
    browse::FamilyQuery::Options options;
    options.parallelism = parallelism;
    options.timeoutMs = timeoutMs();
    try {
        browse::FamilyQuery::check(statement, options);
    } catch (const Error &e) {
        m_banner->showError(e, m_db ? m_db->database() : QString());
        return nullptr;
    }
    m_banner->hide();
    settings::addConsoleHistory(historyKey(), statement);
    auto *view = new FamilyRunView(weeks, statement, options, m_results);
    // Charted, the view may want more height than the results have: the editor gives it, down
    // to four lines (the handle gives them back).
    connect(view, &FamilyRunView::wantsHeight, this, [this](int pixels) {
        const QList<int> sizes = m_split->sizes();
        const int editorMin = 4 * m_editor->fontMetrics().lineSpacing() + 2 * m_editor->frameWidth() + 8;
        const int give = std::min(pixels, std::max(0, sizes.value(0) - editorMin));
        if (give > 0)
            m_split->setSizes({sizes.value(0) - give, sizes.value(1) + give});
    });
    const int tab = m_results->addTab(view, tr("%n week(s)", nullptr, int(weeks.size())));
    m_results->setTabToolTip(tab, statement);
    m_results->setCurrentIndex(tab);
    view->start();
    return view;
}

} // namespace statescope::gui
