#include "jsontreemodel.h"

#include "models/ink.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace statescope::models {

namespace {

// Containers this small are counted outright when their Type cell is painted; bigger
// ones show a count only once their children are loaded.
constexpr qsizetype kCheapCountBytes = 16 * 1024;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool darkPalette()
{
    // No palette without a GUI application (headless tools and tests): assume light.
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) &&
           QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setDocument(json::Document document)
{
    beginResetModel();
    m_nodes.clear();
    m_root = nullptr;
    m_doc = std::move(document);
    if (m_doc.isValid()) {
        auto root = std::make_unique<Node>();
        root->value = m_doc.root();
        root->complete = !root->value.isContainer() || isEmptyContainer(root->value);
        if (root->complete)
            root->count = 0;
        m_root = root.get();
        m_nodes.push_back(std::move(root));
    }
    m_notifying = true;
    endResetModel();
    m_notifying = false;
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex JsonTreeModel::indexOf(const Node *node, int column) const
{
    return node ? createIndex(node->row, column, const_cast<Node *>(node)) : QModelIndex();
}

bool JsonTreeModel::isEmptyContainer(json::Value v) const
{
    const QByteArrayView raw = m_doc.raw(v);
    qsizetype i = 1; // past the opening bracket
    while (i < raw.size() && isJsonSpace(raw[i]))
        ++i;
    return i < raw.size() && (raw[i] == '}' || raw[i] == ']');
}

void JsonTreeModel::load(Node *node, qsizetype want)
{
    if (!node || node->complete || m_notifying)
        return;
    if (!node->started) {
        node->cursor = m_doc.children(node->value);
        node->started = true;
    }
    const qsizetype have = qsizetype(node->children.size());
    std::vector<std::unique_ptr<Node>> batch;
    bool ended = false;
    json::Member member;
    while (have + qsizetype(batch.size()) < want) {
        if (!node->cursor.next(member)) {
            ended = true;
            break;
        }
        auto child = std::make_unique<Node>();
        child->value = member.value;
        child->key = member.key;
        child->parent = node;
        child->row = int(have + qsizetype(batch.size()));
        child->complete = !child->value.isContainer() || isEmptyContainer(child->value);
        if (child->complete)
            child->count = 0;
        batch.push_back(std::move(child));
    }
    if (!batch.empty()) {
        // Views and model testers react to the insertion signals by asking about this
        // node again; they must see a steady state, not start a nested fetch.
        m_notifying = true;
        beginInsertRows(indexOf(node), int(have), int(have + qsizetype(batch.size()) - 1));
        node->children.reserve(node->children.size() + batch.size());
        for (auto &child : batch) {
            node->children.push_back(child.get());
            m_nodes.push_back(std::move(child));
        }
        endInsertRows();
        m_notifying = false;
    }
    if (ended || node->cursor.atEnd()) {
        node->complete = true;
        node->count = qsizetype(node->children.size());
        const QModelIndex type = indexOf(node, Type);
        emit dataChanged(type, type, {Qt::DisplayRole});
    }
}

json::Path JsonTreeModel::pathOf(const QModelIndex &index) const
{
    json::Path path;
    for (const Node *node = nodeOf(index); node && node->parent; node = node->parent) {
        if (node->parent->value.kind == json::Kind::Object)
            path.push_back(json::PathStep::ofKey(m_doc.string(node->key)));
        else
            path.push_back(json::PathStep::ofIndex(node->row));
    }
    std::reverse(path.begin(), path.end());
    return path;
}

std::optional<json::Value> JsonTreeModel::valueOf(const QModelIndex &index) const
{
    if (const Node *node = nodeOf(index))
        return node->value;
    return std::nullopt;
}

QModelIndex JsonTreeModel::indexForChildPath(const std::vector<int> &childPath)
{
    Node *node = m_root;
    if (!node)
        return {};
    for (const int step : childPath) {
        if (step < 0)
            return {};
        if (qsizetype(node->children.size()) <= step)
            load(node, (qsizetype(step) / kChunk + 1) * kChunk); // whole chunks, as a view would
        if (qsizetype(node->children.size()) <= step)
            return {};
        node = node->children[size_t(step)];
    }
    return indexOf(node);
}

qsizetype JsonTreeModel::fetchAll(const QModelIndex &index, qsizetype limit)
{
    Node *top = index.isValid() ? nodeOf(index) : m_root;
    if (!top || (index.isValid() && index.column() != 0))
        return 0;
    qsizetype rows = 0;
    std::vector<Node *> pending{top};
    while (!pending.empty() && rows <= limit) {
        Node *node = pending.back();
        pending.pop_back();
        load(node, qsizetype(node->children.size()) + (limit - rows) + 1);
        rows += qsizetype(node->children.size());
        for (Node *child : node->children)
            if (!child->complete || !child->children.empty())
                pending.push_back(child);
    }
    return rows;
}

bool JsonTreeModel::isFullyLoaded(const QModelIndex &index) const
{
    const Node *node = index.isValid() ? nodeOf(index) : m_root;
    return !node || node->complete;
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row == 0 && m_root ? createIndex(0, column, m_root) : QModelIndex();
    if (parent.column() != 0)
        return {};
    const Node *node = nodeOf(parent);
    if (row >= qsizetype(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)]);
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || !node->parent)
        return {};
    return indexOf(node->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_root ? 1 : 0;
    if (parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_root != nullptr;
    if (parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    // An incomplete node is a non-empty container (empty ones are complete from birth).
    return !node->complete || !node->children.empty();
}

bool JsonTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (m_notifying || !parent.isValid() || parent.column() != 0)
        return false;
    return !nodeOf(parent)->complete;
}

void JsonTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *node = nodeOf(parent);
    load(node, qsizetype(node->children.size()) + kChunk);
}

qsizetype JsonTreeModel::knownCount(const Node *node) const
{
    if (node->count < 0 && node->value.end - node->value.begin <= kCheapCountBytes)
        node->count = m_doc.childCount(node->value);
    return node->count;
}

QString JsonTreeModel::keyText(const Node *node) const
{
    if (!node->parent)
        return QStringLiteral("$");
    if (node->parent->value.kind == json::Kind::Object)
        return m_doc.string(node->key);
    return QStringLiteral("[%1]").arg(node->row);
}

QString JsonTreeModel::typeText(const Node *node) const
{
    const bool object = node->value.kind == json::Kind::Object;
    switch (node->value.kind) {
    case json::Kind::Null:
        return tr("null");
    case json::Kind::False:
    case json::Kind::True:
        return tr("boolean"); // the value column says which
    case json::Kind::Number:
        return tr("number");
    case json::Kind::String:
        return tr("string");
    case json::Kind::Array:
    case json::Kind::Object:
        break;
    }
    const QString name = object ? tr("object") : tr("array");
    const QString open = object ? QStringLiteral("{") : QStringLiteral("[");
    const QString close = object ? QStringLiteral("}") : QStringLiteral("]");
    if (const qsizetype n = knownCount(node); n >= 0)
        return QStringLiteral("%1 %2%3%4").arg(name, open, QString::number(n), close);
    if (!node->children.empty()) // loaded so far, and more to come
        return QStringLiteral("%1 %2%3+%4")
            .arg(name, open, QString::number(node->children.size()), close);
    return name;
}

QString JsonTreeModel::valueText(const Node *node) const
{
    if (node->value.isContainer() && node->complete && node->children.empty())
        return node->value.kind == json::Kind::Object ? QStringLiteral("{}") : QStringLiteral("[]");
    return m_doc.display(node->value);
}

QVariant JsonTreeModel::foreground(const Node *node, int column) const
{
    const bool dark = darkPalette();
    if (column == Type)
        return ink::text(ink::Meaning::Muted);
    if (column != Value)
        return {};
    switch (node->value.kind) {
    case json::Kind::String:
        return QColor(dark ? 0x8fc47a : 0x067d17);
    case json::Kind::Number:
        return QColor(dark ? 0x5cc8d6 : 0x1750eb);
    case json::Kind::True:
    case json::Kind::False:
        return QColor(dark ? 0xd49a6a : 0x871094);
    case json::Kind::Null:
        return ink::text(ink::Meaning::Muted);
    case json::Kind::Array:
    case json::Kind::Object:
        return {};
    }
    return {};
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Key:
            return keyText(node);
        case Value:
            return valueText(node);
        case Type:
            return typeText(node);
        }
        return {};
    case Qt::ToolTipRole:
        return json::toJsonPath(pathOf(index));
    case Qt::ForegroundRole:
        return foreground(node, index.column());
    case PathRole:
        return json::toPointer(pathOf(index));
    case KindRole:
        return int(node->value.kind);
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Key");
    case Value:
        return tr("Value");
    case Type:
        return tr("Type");
    }
    return {};
}

} // namespace statescope::models
