#pragma once

#include "core/browse/datacompare.h"
#include "core/catalog/schemadiff.h"
#include "core/error.h"
#include "core/weekly/family.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace statescope::gui {

class JobRunner;
class ProgressPanel;

// "Compare weeks…": two weeks of a family (on one server or two) side by side, read-only.
//   Schema  every object that was added, removed or changed, as a tree; the selected one's DDL
//           on both sides with the changed lines marked; the script that would bring the first
//           to the second (shown and saved, never run from here). The second side may also be
//           the schema Statescope's migrations make (built in a scratch database of the local
//           sandbox).
//   Rows    one table (or one kind of game data through each week's layout) matched by its key:
//           the counts, and the rows that differ with the changed columns marked (jsonb cells
//           by the keyed JSON diff), filtered by change and text; exported in full to CSV or
//           JSON lines (compare/rowstab.cpp).
//   API     per endpoint the counts, error rates and payload paths that came, went or changed.
//   Drift   every week of the family: migration tools and versions, checksum drift, the schema
//           fingerprint and where it leaves the family's majority.
// Each runs in the background with progress and Cancel.
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    CompareDialog(const weekly::Family &family, int current, QWidget *parent = nullptr);
    ~CompareDialog() override;

    // What the core names in English for its CLI ("added"), as the window says it.
    static QString changeLabel(const QString &change);

    void setSides(int from, int to); // indexes into the family's weeks
    // The second side of the schema compare: Statescope's migrations instead of a week.
    void compareWithMigrations();
    void compareSchemas();
    void compareRows(const QString &table, const QStringList &key = {});
    void compareKind(layout::Kind kind, const QStringList &key = {}); // one kind of game data
    // Shows only the differing rows of this change ("added", "removed", "changed"; empty:
    // all) whose cells contain `text` (any case).
    void filterRows(const QString &change, const QString &text);
    void compareApi();
    void readDrift();
    bool saveScript(const QString &path, QString *error = nullptr) const;
    // The differences of the last rows compare, in full (read again, streamed to the file):
    // JSON lines when the name ends in .jsonl, CSV otherwise.
    void exportRows(const QString &path);

    QTabWidget *tabs() const { return m_tabs; }
    QTreeWidget *schemaTree() const { return m_schemaTree; }
    QTextBrowser *leftDdl() const { return m_left; }
    QTextBrowser *rightDdl() const { return m_right; }
    QPlainTextEdit *script() const { return m_script; }
    QTableWidget *rowsTable() const { return m_rows; }
    QLabel *rowsSummary() const { return m_rowsSummary; }
    int visibleRows() const; // differing rows the filter leaves
    QTreeWidget *apiTree() const { return m_api; }
    QTableWidget *driftTable() const { return m_drift; }
    QLabel *status() const { return m_status; }
    JobRunner *runner() const { return m_jobs; }

signals:
    void finished(const QString &what); // "schema", "rows", "api", "drift", "export"

private:
    QWidget *buildSchemaTab();
    QWidget *buildRowsTab();
    QWidget *buildApiTab();
    QWidget *buildDriftTab();
    void showSchemaChange();
    void runRows(const browse::DataCompare::Options &options);
    bool migrationsSide() const;
    const weekly::FamilyWeek &from() const;
    const weekly::FamilyWeek &to() const;
    void fail(const QString &what, const Error &error);
    // The footer is the current tab's: each tab's last word is kept, shown when it is current.
    enum Tab { SchemaTab, RowsTab, ApiTab, DriftTab };
    void setStatus(Tab tab, const QString &text);

    weekly::Family m_family;
    catalog::SchemaDiff m_diff;
    std::optional<browse::DataCompare::Options> m_rowsOptions; // of the last rows compare
    QComboBox *m_from, *m_to;
    QTabWidget *m_tabs;
    QTreeWidget *m_schemaTree;
    QTextBrowser *m_left, *m_right;
    QPlainTextEdit *m_script;
    QCheckBox *m_againstMigrations;
    QCheckBox *m_ignoreOwners; // owners neither compared nor given by the script
    QComboBox *m_rowsWhat;
    QLineEdit *m_table, *m_key;
    QComboBox *m_rowsChange;
    QLineEdit *m_rowsFilter;
    QTableWidget *m_rows;
    QLabel *m_rowsSummary;
    QTreeWidget *m_api;
    QTableWidget *m_drift;
    QLabel *m_status;
    QString m_statusOf[4];
    JobRunner *m_jobs;
    ProgressPanel *m_progress;
};

} // namespace statescope::gui
