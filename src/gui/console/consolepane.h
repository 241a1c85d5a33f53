#pragma once

#include "core/browse/console.h"
#include "core/browse/rowsecurity.h"
#include "core/pg/connectionsettings.h"
#include "core/weekly/family.h"
#include "gui/widgets/sqleditor.h"

#include <QColor>
#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace statescope::gui {

class Banner;
class FamilyRunView;
class JobRunner;
class ProgressPanel;

// A read-only SQL console on the selected database: every statement in a READ ONLY
// transaction of its own, with a timeout; rows streamed into the lazy grid through a
// server-side cursor (the first rows at once, a capped window in memory); several
// statements give a result tab each; EXPLAIN and EXPLAIN ANALYZE as a tree with the
// costliest node marked; Cancel sends PQcancel. A statement the server refuses as a write
// can be run, in admin mode, after a typed confirmation, journalled and audited.
class ConsolePane : public QWidget
{
    Q_OBJECT
public:
    explicit ConsolePane(QWidget *parent = nullptr);
    ~ConsolePane() override;

    // Another database opens that database's own console: its own text and history (what was
    // typed for another stays with that one). `carryText` is for an explicit move to another
    // week of the same family (the week switcher), which takes the text along on purpose.
    void setDatabase(const std::optional<pg::ConnectionSettings> &db, bool carryText = false);
    void setAdminMode(bool on);
    // The family of the database shown (empty: not a weekly one): "Run on weeks…" runs on it.
    void setFamily(const weekly::Family &family);
    const weekly::Family &family() const { return m_family; }
    // How the server shows: its label, colour and whether it is production (the target line
    // is tinted like the window).
    void setServerLook(const QString &label, const QColor &colour, bool production);
    // The line that names where statements run, and as whom.
    QLabel *target() const { return m_target; }

    SqlEditor *editor() const { return m_editor; }
    QTabWidget *results() const { return m_results; }
    // Under the results: the shown tab's row count and time ("1,204 rows in 38 ms").
    QLabel *resultInfo() const { return m_resultInfo; }
    Banner *banner() const { return m_banner; }
    JobRunner *runner() const { return m_jobs; }
    QStringList history() const;

public slots:
    void runCurrent(); // the statement under the cursor, or the selection (Ctrl+Enter)
    void runAll();     // every statement of the editor, a tab each (Ctrl+Shift+Enter)
    void explain(bool analyze);
    // The statement under the cursor on the family's weeks, chosen in a dialog
    // (Ctrl+Alt+Enter); runOnWeeks is the same without asking.
    void chooseWeeksAndRun();
    FamilyRunView *runOnWeeks(const QList<weekly::FamilyWeek> &weeks, int parallelism);
    void cancel();
    bool openFile(const QString &path);
    bool saveFile(const QString &path);

    // Row-level security: reads run as this player (the setting made in each read-only
    // transaction); writes never carry it. False, with the banner saying why, for a setting
    // no policy reads. Empty value: as yourself.
    bool setViewAs(const QString &setting, const QString &value);
    QLineEdit *viewAsEdit() const;

signals:
    void wrote(const QString &database); // a confirmed write committed
    void rowSecurityRead();

private:
    void run(const QList<browse::ScriptStatement> &statements);
    void runOne(const browse::ScriptStatement &statement, int number);
    // The server's error for a statement of the editor: where in it (line and column, the
    // cursor put there, as psql's and pgAdmin's pointer), or "Stopped." for a Stop asked.
    void showStatementError(const Error &e, const browse::ScriptStatement &statement, const QString &database);
    void offerWrite(const QString &statement, const Error &refusal);
    // Writes run as the person, never "as a player": the view-as settings stay with reading.
    static pg::ConnectionSettings forWriting(const pg::ConnectionSettings &db);
    // console/consent.cpp: the read guard refused objects the statement would run; the
    // person may allow them by name (kept in the settings, for the window and every
    // command), after which the statement runs again.
    void offerConsent(const browse::ScriptStatement &statement, int number);
    void loadCompletions();
    void showTarget();
    QString historyKey() const;
    QString textKey() const;
    int timeoutMs() const;
    QWidget *messageTab(const QString &text);

    // console/viewas.cpp
    void buildViewAs(QHBoxLayout *bar);
    void loadRowSecurity();
    QString viewAsText() const;

    std::optional<pg::ConnectionSettings> m_db;
    class ViewAsBar *m_viewAs = nullptr;
    weekly::Family m_family;
    QPushButton *m_runWeeks = nullptr;
    bool m_admin = false;
    QHash<QString, QString> m_texts; // what was typed per database (textKey())
    QString m_serverLabel;
    QColor m_serverColour;
    bool m_production = false;
    QString m_readingAs; // the reading protection, once a session said it
    QLabel *m_target;
    SqlEditor *m_editor;
    QTabWidget *m_results;
    QSplitter *m_split = nullptr; // the editor above the results
    QLabel *m_resultInfo = nullptr;
    QSpinBox *m_timeout;
    QToolButton *m_history;
    Banner *m_banner;
    JobRunner *m_jobs;
    ProgressPanel *m_progress;
    quint64 m_generation = 0;
    bool m_stopAsked = false; // Stop was pressed since the last run: its 57014 is no error
};

} // namespace statescope::gui
