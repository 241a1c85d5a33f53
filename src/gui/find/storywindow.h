#pragma once

#include "core/find/story.h"
#include "gui/find/findpane.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace statescope::gui {

class Banner;
class JobRunner;
class ProgressPanel;

// The story of one value in one database (core/find/story.h), from a row Find found: every
// kind of data that holds it in time order, a page at a time (Oldest, Older, Newer, Newest),
// the selected entry's parts and changes below, an entry opened where it belongs (double-click,
// Enter) and the whole story exported as CSV or JSON lines, with progress and Cancel. Its own
// read-only connection lives in its worker; nothing is held between pages.
class StoryWindow : public QDialog
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, TableColumn, KeyColumn, SummaryColumn, ChangeColumn };
    static constexpr int kPageSize = 100;

    StoryWindow(pg::ConnectionSettings database, QString label, QString server, QString value,
                QWidget *parent = nullptr);
    ~StoryWindow() override;

    // The first page (oldest first), or the last (newest).
    void showOldest();
    void showNewest();
    void showOlder();
    void showNewer();
    // Writes the whole story to `path` (CSV when it ends in .csv, else JSON lines).
    void exportTo(const QString &path);
    bool isBusy() const;

    int entryCount() const { return int(m_entries.size()); }
    const find::StoryEntry &entry(int row) const { return m_entries.at(row); }
    QTableView *view() const { return m_view; }
    QPlainTextEdit *detail() const { return m_detail; }
    QLabel *summary() const { return m_summary; }
    QPushButton *olderButton() const { return m_older; }
    QPushButton *newerButton() const { return m_newer; }
    Banner *banner() const { return m_banner; }

signals:
    void open(const FoundRow &row);
    void pageShown();     // a page is shown (or its reading failed: the banner says)
    void exported(const QString &path, qint64 entries); // an export ended whole

private:
    struct Reader;
    void read(std::optional<find::StoryCursor> from, find::Story::Direction direction);
    void showPage(const find::StoryPage &page);
    void showDetail(int row);
    void chooseExport();
    void updateButtons();

    pg::ConnectionSettings m_database;
    QString m_label, m_server, m_value;
    std::shared_ptr<Reader> m_reader; // used on the worker's thread only
    QList<find::StoryEntry> m_entries;
    std::optional<find::StoryCursor> m_olderAt, m_newerAt;
    bool m_shown = false;

    QLabel *m_summary;
    Banner *m_banner;
    QStandardItemModel *m_model;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    QPushButton *m_oldest, *m_older, *m_newer, *m_newest, *m_export;
    JobRunner *m_jobs;
    ProgressPanel *m_progress;
};

} // namespace statescope::gui
