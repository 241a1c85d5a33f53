#pragma once

#include "core/collect/collector.h"
#include "core/error.h"
#include "core/task/canceltoken.h"

#include <QDialog>
#include <QThread>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace statescope::gui {

// Runs one collector on a thread of its own (its network and database work block there).
class CollectorThread : public QThread
{
    Q_OBJECT
public:
    CollectorThread(collect::Config config, collect::Options options, QObject *parent = nullptr);
    ~CollectorThread() override;
    void stop() { m_cancel.cancel(); }
    const std::optional<Error> &error() const { return m_error; }

signals:
    void progressed(const statescope::collect::Stats &stats);

protected:
    void run() override;

private:
    collect::Config m_config;
    collect::Options m_options;
    CancelToken m_cancel;
    std::optional<Error> m_error;
};

// The collector of one family (docs/COLLECTOR.md): its endpoints file, start and stop
// (start needs admin mode: it creates databases and writes rows), and what it is doing:
// the database it fills, requests per minute, responses by status, retries, the rate
// limit's bucket. "Show rows" opens the Events pane on that database with live tail on.
class CollectorDialog : public QDialog
{
    Q_OBJECT
public:
    CollectorDialog(pg::ConnectionSettings server, QString family, QWidget *parent = nullptr);
    ~CollectorDialog() override;

    void setAdminMode(bool on);
    bool isRunning() const;
    const QString &family() const { return m_family; }

    // For tests and the CLI-less path: loads the endpoints file.
    bool loadConfig(const QString &path);
    // Asks first (what it will fill, whether that database is made, the endpoints, the rate),
    // then starts; never on Enter (no default button here, Cancel the default there).
    void start();
    void stop();

    // Where the rows would go if started now, for people (the target line).
    QString targetText() const;

signals:
    void showRows(const QString &database);
    void runningChanged(bool running);
    // The collector moved to (and perhaps created) another database.
    void databaseChanged(const QString &database);

private:
    void showStats(const collect::Stats &stats);
    void finished();
    void updateActions();
    void saveToken();
    void lookUpTarget();
    // Starts, once the person said yes to what start() showed.
    void startConfirmed();

    pg::ConnectionSettings m_server;
    QString m_family;
    std::optional<collect::Config> m_config;
    CollectorThread *m_thread = nullptr;
    bool m_adminMode = false;
    QString m_database;
    QString m_target;        // this week's database of the family (without a reset source)
    std::optional<bool> m_targetExists;

    QLineEdit *m_path;
    QTreeWidget *m_endpoints;
    QLabel *m_tokenLabel;
    QLabel *m_state;
    QLabel *m_stats;
    QLabel *m_error;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_show;
    QLabel *m_targetLabel;
    class JobRunner *m_lookup;
};

} // namespace statescope::gui

Q_DECLARE_METATYPE(statescope::collect::Stats)
