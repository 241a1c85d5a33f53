#pragma once

#include "core/json/document.h"

#include <QAbstractItemModel>
#include <memory>
#include <optional>
#include <vector>

namespace statescope::models {

// A json::Document as a lazy tree. The top-level value is one root row ("$"), so a
// top-level scalar shows too. A container's children become rows only when a view asks
// (canFetchMore/fetchMore, kChunk at a time, continuing from a saved child cursor), so a
// 100k-element array costs nothing until it is scrolled through.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Key, Value, Type, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // QString: the row's JSON Pointer
        KindRole,                    // int: json::Kind of the row's value
    };
    static constexpr int kChunk = 500;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setDocument(json::Document document);
    const json::Document &document() const { return m_doc; }

    json::Path pathOf(const QModelIndex &index) const;
    std::optional<json::Value> valueOf(const QModelIndex &index) const;
    // The row at a path of child indexes from the root value (as json::find() gives),
    // loading chunks on the way; invalid when the path leaves the document.
    QModelIndex indexForChildPath(const std::vector<int> &childPath);
    // Loads every descendant of index (column 0) and returns how many rows that made;
    // stops, with whatever is loaded so far, once more than limit rows exist below it.
    qsizetype fetchAll(const QModelIndex &index, qsizetype limit);
    // Whether every child of index has been loaded (true for scalars).
    bool isFullyLoaded(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        json::Value value;
        json::Value key; // object members: the quoted key; otherwise empty
        Node *parent = nullptr;
        int row = 0;
        bool started = false;         // cursor set up
        bool complete = false;        // every child loaded
        mutable qsizetype count = -1; // children, once known
        json::Document::ChildCursor cursor;
        std::vector<Node *> children;
    };

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    // Loads children of node until it has at least `want` (or all of them).
    void load(Node *node, qsizetype want);
    qsizetype knownCount(const Node *node) const;
    bool isEmptyContainer(json::Value v) const;
    QString keyText(const Node *node) const;
    QString typeText(const Node *node) const;
    QString valueText(const Node *node) const;
    QVariant foreground(const Node *node, int column) const;

    json::Document m_doc;
    // Every node lives here, so teardown is flat however deep the document goes.
    std::vector<std::unique_ptr<Node>> m_nodes;
    Node *m_root = nullptr;
    // Set while reset/insert signals go out: whoever listens (views, model testers) must
    // not start a nested fetch from inside them.
    bool m_notifying = false;
};

} // namespace statescope::models
