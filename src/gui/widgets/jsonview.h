#pragma once

#include "core/json/document.h"

#include <QWidget>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QTabWidget;
class QTreeView;

namespace statescope::models {
class JsonTreeModel;
}

namespace statescope::gui {

class JobRunner;
class JsonTextPane;

// A lossless JSON viewer: a lazy tree ("Tree" tab) and highlighted pretty text ("Text"
// tab, built when first shown), search over keys and values off the UI thread, and copy
// of a value's exact text, its SQL/JSON path or its JSON Pointer. Raw text that is not
// JSON is shown as text with the error's position marked.
class JsonView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxHits = 10000;
    // Above this many descendants (or when they are too many to count cheaply) a node
    // offers "Expand one level" instead of "Expand all below".
    static constexpr qsizetype kExpandAllLimit = 5000;

    explicit JsonView(QWidget *parent = nullptr);
    ~JsonView() override;

    void setDocument(json::Document document, const QString &title = {});
    // Shows nothing (no document selected), without an error; `title` says why.
    void clear(const QString &title = {});
    // Parses bytes (on a worker when bigger than 1 MB) and shows the document, or the
    // raw text and where it stops being JSON.
    void setRawText(QByteArray bytes, const QString &sourceLabel);

    const json::Document &document() const { return m_doc; }
    models::JsonTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    bool isBusy() const;
    // The tree's context menu for a row (the caller owns it): copy actions, and "Expand
    // all below" only for nodes known to hold at most kExpandAllLimit descendants.
    QMenu *createContextMenu(const QModelIndex &index);
    // Adds "Track this value" to the context menu (and, inside an array keyed by an identity
    // key, "Track by ship_id = …" as an SQL/JSON path): they emit trackRequested.
    void setTrackable(bool on) { m_trackable = on; }

public slots:
    void findNext();
    void findPrevious();
    void cancelSearch();
    void copyValue();
    void copyPath();
    void copyPointer();

signals:
    void documentShown(); // a document or its parse error is on screen
    void searchFinished(int hits);
    // A path to follow over time: a JSON Pointer, or an SQL/JSON path that keys arrays.
    void trackRequested(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The key column to the keys in view: on a new document exactly (unless set by hand),
    // when more are opened only wider.
    void fitKeys(bool newDocument);
    using Hits = std::vector<std::vector<int>>;

    void buildActions();
    void showDocument(const json::Document &document);
    void showParseError(const json::Document &document);
    void showText();
    void resetSearch();
    void step(int direction);
    void startSearch(const QString &needle, int direction);
    void showHit();
    void showContextMenu(const QPoint &pos);
    bool canExpandAll(const QModelIndex &index) const;
    void expandAllBelow(const QModelIndex &index);
    void setTitle(const QString &title);

    json::Document m_doc;
    quint64 m_generation = 0;
    bool m_textBuilt = false;
    bool m_trackable = false;

    QString m_hitsNeedle; // what m_hits are for; empty: no (finished) search
    Hits m_hits;
    int m_hitIndex = -1;
    bool m_searching = false;
    bool m_sizingKeys = false; // the key column resized by fitKeys(), not by hand
    int m_keyWidthByHand = 0;
    quint64 m_searchGeneration = 0;

    models::JsonTreeModel *m_model;
    JobRunner *m_parser;
    JobRunner *m_searcher;
    QLabel *m_title;
    QLineEdit *m_search;
    QLabel *m_hitsLabel;
    QLabel *m_status;
    QLabel *m_error;
    QTabWidget *m_tabs;
    QTreeView *m_tree;
    JsonTextPane *m_text;
    QAction *m_copyValue = nullptr;
    QAction *m_copyPath = nullptr;
    QAction *m_copyPointer = nullptr;
};

} // namespace statescope::gui
