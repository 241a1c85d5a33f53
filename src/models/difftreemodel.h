#pragma once

#include "core/json/diff.h"

#include <QAbstractItemModel>
#include <map>
#include <memory>
#include <vector>

namespace statescope::models {

// Two JSON values side by side as one tree: the union of both, arrays lined up the way
// json::diff() matched them (by identity key or by position), each row marked Same,
// Added, Removed, Changed or ContainsChanges from the diff's change list. Children are
// listed when a row is first expanded and handed out in chunks (canFetchMore/fetchMore),
// so a big document costs only what is looked at. The top row ($) is always shown.
class DiffTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Key, Before, After, Delta, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(Status)
    };
    enum class Status { Same, Added, Removed, Changed, ContainsChanges };
    Q_ENUM(Status)
    static constexpr int kChunk = 500;

    explicit DiffTreeModel(QObject *parent = nullptr);
    ~DiffTreeModel() override;

    void setDiff(json::Document a, json::Value va, json::Document b, json::Value vb,
                 json::DiffResult result, json::DiffOptions options);
    void clear();
    const json::DiffResult &result() const { return m_result; }

    // Column titles for the two sides ("Before" / "After" unless set).
    void setLabels(const QString &before, const QString &after);
    // Hides Same rows (the top row stays).
    void setOnlyChanges(bool on);
    bool onlyChanges() const { return m_onlyChanges; }

    Status status(const QModelIndex &index) const;

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
    // What a row shows; listed for all children at once, turned into rows in chunks.
    struct Entry
    {
        QString key;
        std::optional<json::Value> a, b;
        Status status = Status::Same;
        int trie = -1; // the change-list node for this row, -1 when nothing changed here
        bool inArray = false;
    };
    struct Node
    {
        Entry e;
        Node *parent = nullptr;
        int row = 0;
        bool listed = false;
        std::vector<Entry> pending;
        size_t next = 0;
        std::vector<Node *> children;
        mutable qsizetype countA = -1; // children of each side, counted when first shown
        mutable qsizetype countB = -1;
    };
    // The change paths as a tree: a node per step that leads to a change; `change` is set
    // where a Replace ends. Steps of Add/Remove stop at the parent, which is all a row
    // needs (added and removed rows are known from the matching itself).
    struct TrieNode
    {
        int change = -1;
        std::map<std::pair<int, QString>, int> children; // (index or -1, key)
    };

    void rebuild();
    void buildTrie();
    void list(Node *node);
    void listPair(Node *node, std::vector<Entry> &out) const;
    void listArrays(const Node *node, std::vector<Entry> &out) const;
    void listSide(const json::Document &doc, json::Value v, Status status,
                  std::vector<Entry> &out) const;
    Entry pairEntry(const Node *parent, std::pair<int, QString> step, QString key, json::Value a,
                    json::Value b) const;
    bool mayHaveChildren(const Node *node) const;
    Node *nodeOf(const QModelIndex &index) const;
    QString cell(const json::Document &doc, json::Value v, qsizetype &count, int max) const;
    QString pathOf(const Node *node) const;

    json::Document m_a, m_b;
    std::optional<json::Value> m_va, m_vb;
    json::DiffResult m_result;
    json::DiffOptions m_options;
    std::vector<TrieNode> m_trie;
    bool m_onlyChanges = false;
    bool m_changing = false; // a reset or an insert is being delivered
    QString m_labelBefore, m_labelAfter;
    Node m_root;
    std::vector<std::unique_ptr<Node>> m_nodes; // flat, so deep trees free without recursion
};

} // namespace statescope::models
