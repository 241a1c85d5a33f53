#include "models/difftreemodel.h"

#include "models/ink.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <tuple>

namespace statescope::models {

using json::Kind;
using json::Value;

namespace {

bool isPair(const std::optional<Value> &a, const std::optional<Value> &b)
{
    return a && b && a->kind == b->kind && a->isContainer();
}

bool nonEmpty(const json::Document &doc, const std::optional<Value> &v)
{
    if (!v || !v->isContainer())
        return false;
    json::Member m;
    return doc.children(*v).next(m);
}

QString indexKey(int i)
{
    return QStringLiteral("[%1]").arg(i);
}

} // namespace

DiffTreeModel::DiffTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_labelBefore(tr("Before")), m_labelAfter(tr("After"))
{
}

DiffTreeModel::~DiffTreeModel() = default;

void DiffTreeModel::setDiff(json::Document a, Value va, json::Document b, Value vb,
                            json::DiffResult result, json::DiffOptions options)
{
    m_a = std::move(a);
    m_b = std::move(b);
    m_va = va;
    m_vb = vb;
    m_result = std::move(result);
    m_options = std::move(options);
    buildTrie();
    rebuild();
}

void DiffTreeModel::clear()
{
    m_va.reset();
    m_vb.reset();
    m_result = {};
    m_trie.clear();
    rebuild();
}

void DiffTreeModel::setLabels(const QString &before, const QString &after)
{
    m_labelBefore = before;
    m_labelAfter = after;
    emit headerDataChanged(Qt::Horizontal, Before, After);
}

void DiffTreeModel::setOnlyChanges(bool on)
{
    if (on == m_onlyChanges)
        return;
    m_onlyChanges = on;
    rebuild();
}

DiffTreeModel::Status DiffTreeModel::status(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->e.status : Status::Same;
}

void DiffTreeModel::buildTrie()
{
    m_trie.assign(1, TrieNode{});
    for (int i = 0; i < int(m_result.changes.size()); ++i) {
        const json::Change &change = m_result.changes[size_t(i)];
        const bool replace = change.op == json::Change::Op::Replace;
        const size_t steps = change.path.size() - (replace || change.path.empty() ? 0 : 1);
        int at = 0;
        for (size_t s = 0; s < steps; ++s) {
            const json::PathStep &step = change.path[s];
            auto key = step.isIndex ? std::pair(step.index, QString()) : std::pair(-1, step.key);
            const auto [it, added] =
                m_trie[size_t(at)].children.try_emplace(std::move(key), int(m_trie.size()));
            at = it->second; // read before the vector grows
            if (added)
                m_trie.emplace_back();
        }
        if (replace)
            m_trie[size_t(at)].change = i;
    }
}

void DiffTreeModel::rebuild()
{
    beginResetModel();
    m_changing = true;
    m_root.children.clear();
    m_nodes.clear();
    if (m_va && m_vb) {
        auto top = std::make_unique<Node>();
        top->parent = &m_root;
        top->e.key = QStringLiteral("$");
        top->e.a = m_va;
        top->e.b = m_vb;
        top->e.trie = 0;
        // Every change lies beneath the top row, even an add or remove right under it,
        // which leaves no step in the trie.
        const TrieNode &t = m_trie.front();
        top->e.status = t.change >= 0               ? Status::Changed
                        : !m_result.changes.empty() ? Status::ContainsChanges
                                                    : Status::Same;
        m_root.children.push_back(top.get());
        m_nodes.push_back(std::move(top));
    }
    endResetModel();
    m_changing = false;
}

DiffTreeModel::Entry DiffTreeModel::pairEntry(const Node *parent, std::pair<int, QString> step,
                                              QString key, Value a, Value b) const
{
    Entry e;
    e.key = std::move(key);
    e.a = a;
    e.b = b;
    e.inArray = step.first >= 0;
    if (parent->e.trie >= 0) {
        const auto &children = m_trie[size_t(parent->e.trie)].children;
        const auto found = children.find(step);
        if (found != children.end()) {
            e.trie = found->second;
            e.status =
                m_trie[size_t(e.trie)].change >= 0 ? Status::Changed : Status::ContainsChanges;
        }
    }
    return e;
}

void DiffTreeModel::listSide(const json::Document &doc, Value v, Status status,
                             std::vector<Entry> &out) const
{
    if (!v.isContainer())
        return;
    auto cursor = doc.children(v);
    json::Member m;
    while (cursor.next(m)) {
        Entry e;
        e.inArray = v.kind == Kind::Array;
        e.key = e.inArray ? indexKey(m.index) : doc.string(m.key);
        (status == Status::Removed ? e.a : e.b) = m.value;
        e.status = status;
        out.push_back(std::move(e));
    }
}

void DiffTreeModel::listArrays(const Node *node, std::vector<Entry> &out) const
{
    const std::vector<json::Member> ea = m_a.childList(*node->e.a);
    const std::vector<json::Member> eb = m_b.childList(*node->e.b);
    const json::ArrayMatch match = json::matchArrays(m_a, *node->e.a, m_b, *node->e.b, m_options);
    const auto keyText = [&](const json::Document &doc, Value element, int index) {
        if (!match.keyed())
            return indexKey(index);
        const auto id = doc.member(element, match.identityKey);
        return QStringLiteral("[%1=%2]").arg(match.identityKey,
                                             id ? doc.display(*id, 60) : QString());
    };
    const auto removed = [&](int i) {
        const Value v = ea[size_t(i)].value;
        out.push_back(Entry{keyText(m_a, v, i), v, {}, Status::Removed, -1, true});
    };
    const auto added = [&](int j) {
        const Value v = eb[size_t(j)].value;
        out.push_back(Entry{keyText(m_b, v, j), {}, v, Status::Added, -1, true});
    };
    // Merged in order on both sides; what the first document had goes before what the
    // second adds at the same place.
    int ia = 0, ib = 0;
    for (int k = 0; k < int(match.pairs.size()); ++k) {
        const auto [i, j] = match.pairs[size_t(k)];
        while (ia < i)
            removed(ia++);
        while (ib < j)
            added(ib++);
        // diff() names a matched element by its rank when keyed, else by its index.
        QString key = match.keyed() ? keyText(m_a, ea[size_t(i)].value, i)
                      : i == j      ? indexKey(i)
                                    : QStringLiteral("[%1→%2]").arg(i).arg(j);
        out.push_back(pairEntry(node, {match.keyed() ? k : i, QString()}, std::move(key),
                                ea[size_t(i)].value, eb[size_t(j)].value));
        ia = i + 1;
        ib = j + 1;
    }
    while (ia < int(ea.size()))
        removed(ia++);
    while (ib < int(eb.size()))
        added(ib++);
}

void DiffTreeModel::listPair(Node *node, std::vector<Entry> &out) const
{
    if (node->e.a->kind == Kind::Array) {
        listArrays(node, out);
        return;
    }
    // Objects: the first document's keys in order, then keys new in the second. A
    // duplicated key counts once, with its last value, as in diff().
    QHash<QString, Value> inA, inB;
    QStringList keysA, keysB;
    for (auto [doc, v, index, keys] :
         {std::tuple{&m_a, *node->e.a, &inA, &keysA}, std::tuple{&m_b, *node->e.b, &inB, &keysB}}) {
        auto cursor = doc->children(v);
        json::Member m;
        while (cursor.next(m)) {
            QString key = doc->string(m.key);
            if (!index->contains(key))
                keys->append(key);
            index->insert(key, m.value);
        }
    }
    for (const QString &key : std::as_const(keysA)) {
        const auto b = inB.constFind(key);
        if (b == inB.constEnd()) {
            Entry e{key, inA.value(key), {}, Status::Removed};
            out.push_back(std::move(e));
        } else {
            out.push_back(pairEntry(node, {-1, key}, key, inA.value(key), *b));
        }
    }
    for (const QString &key : std::as_const(keysB)) {
        if (!inA.contains(key))
            out.push_back(Entry{key, {}, inB.value(key), Status::Added});
    }
}

void DiffTreeModel::list(Node *node)
{
    node->listed = true;
    std::vector<Entry> all;
    if (isPair(node->e.a, node->e.b)) {
        listPair(node, all);
    } else {
        // Added, removed or changed in kind: one side's children, marked as that side.
        if (node->e.a)
            listSide(m_a, *node->e.a, Status::Removed, all);
        if (node->e.b)
            listSide(m_b, *node->e.b, Status::Added, all);
    }
    if (m_onlyChanges)
        std::erase_if(all, [](const Entry &e) { return e.status == Status::Same; });
    node->pending = std::move(all);
}

bool DiffTreeModel::mayHaveChildren(const Node *node) const
{
    if (node->listed)
        return !node->children.empty() || node->next < node->pending.size();
    const bool pair = isPair(node->e.a, node->e.b);
    if (pair && node->e.status == Status::ContainsChanges)
        return true;
    if (pair && m_onlyChanges)
        return false; // every child of an unchanged pair is unchanged
    return nonEmpty(m_a, node->e.a) || nonEmpty(m_b, node->e.b);
}

DiffTreeModel::Node *DiffTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex DiffTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = parent.isValid() ? nodeOf(parent) : &m_root;
    if (parent.column() > 0 || row < 0 || column < 0 || column >= ColumnCount ||
        row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)]);
}

QModelIndex DiffTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || node->parent == &m_root)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int DiffTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *p = parent.isValid() ? nodeOf(parent) : &m_root;
    return int(p->children.size());
}

int DiffTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool DiffTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_root.children.empty();
    return parent.column() == 0 && mayHaveChildren(nodeOf(parent));
}

bool DiffTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    return node->listed ? node->next < node->pending.size() : mayHaveChildren(node);
}

void DiffTreeModel::fetchMore(const QModelIndex &parent)
{
    // Not from inside our own change notifications (a reset or an insert being
    // delivered): the nested insert would reach receivers in the middle of the outer
    // change. Qt 6.4's model tester fetches from there; views ask again when laying out.
    if (m_changing || !canFetchMore(parent))
        return;
    Node *node = nodeOf(parent);
    if (!node->listed)
        list(node);
    const size_t count = std::min(node->pending.size() - node->next, size_t(kChunk));
    if (count == 0)
        return;
    const int first = int(node->children.size());
    m_changing = true;
    beginInsertRows(parent, first, first + int(count) - 1);
    for (size_t i = 0; i < count; ++i) {
        auto child = std::make_unique<Node>();
        child->e = std::move(node->pending[node->next++]);
        child->parent = node;
        child->row = int(node->children.size());
        node->children.push_back(child.get());
        m_nodes.push_back(std::move(child));
    }
    if (node->next == node->pending.size()) {
        node->pending = {};
        node->next = 0;
    }
    endInsertRows();
    m_changing = false;
}

QString DiffTreeModel::cell(const json::Document &doc, Value v, qsizetype &count, int max) const
{
    if (!v.isContainer())
        return doc.display(v, max);
    if (count < 0)
        count = doc.childCount(v);
    return (v.kind == Kind::Object ? QStringLiteral("{…%1}") : QStringLiteral("[…%1]")).arg(count);
}

QString DiffTreeModel::pathOf(const Node *node) const
{
    QStringList parts;
    for (; node && node->parent; node = node->parent)
        parts.prepend(node->e.inArray || node->parent == &m_root ? node->e.key
                                                                 : QLatin1Char('.') + node->e.key);
    return parts.join(QString());
}

QVariant DiffTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    const Entry &e = node->e;
    const int change = e.trie >= 0 ? m_trie[size_t(e.trie)].change : -1;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        const bool tip = role == Qt::ToolTipRole;
        switch (index.column()) {
        case Key:
            return tip ? pathOf(node) : e.key;
        case Before:
            return e.a ? cell(m_a, *e.a, node->countA, tip ? 2000 : 200) : QString();
        case After:
            return e.b ? cell(m_b, *e.b, node->countB, tip ? 2000 : 200) : QString();
        case Delta:
            if (change >= 0 && m_result.changes[size_t(change)].delta) {
                const double d = *m_result.changes[size_t(change)].delta;
                return (d > 0 ? QStringLiteral("+") : QString()) + QString::number(d, 'g', 12);
            }
            return QString();
        }
        return {};
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Delta)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        switch (e.status) {
        case Status::Added:
            return QBrush(ink::fill(ink::Meaning::Success));
        case Status::Removed:
            return QBrush(ink::fill(ink::Meaning::Danger));
        case Status::Changed:
            return QBrush(ink::fill(ink::Meaning::Changed));
        case Status::ContainsChanges:
            return QBrush(ink::faintFill(ink::Meaning::Changed));
        case Status::Same:
            return {};
        }
        return {};
    case StatusRole:
        return int(e.status);
    }
    return {};
}

QVariant DiffTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole && section == Delta)
        return tr("The change of a number: second minus first");
    switch (section) {
    case Key:
        return tr("Key");
    case Before:
        return m_labelBefore;
    case After:
        return m_labelAfter;
    case Delta:
        return tr("Δ");
    }
    return {};
}

} // namespace statescope::models
