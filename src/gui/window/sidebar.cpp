#include "gui/window/sidebar.h"

#include "core/browse/schema.h"
#include "core/pg/connection.h"
#include "core/secrets.h"
#include "core/weekly/serveradmin.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/style.h"
#include "models/ink.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace statescope::gui {

using models::ServerTreeModel;

namespace {
constexpr int kMaxPrompts = 3; // a wrong password asks again, up to this many times in a row

// A relation's rows and size drawn after its name, right-aligned and muted ("players
// ≈1.2k · 96.0 KiB"): which tables are big is seen without hovering. Only where the whole
// name has room beside them: a narrow tree shows names (the figures are in the tooltip).
class FiguresDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString figures = index.data(ServerTreeModel::FiguresRole).toString();
        if (figures.isEmpty() || !figuresFit(option, index, figures))
            return QStyledItemDelegate::paint(painter, option, index);
        QStyleOptionViewItem panel(option);
        initStyleOption(&panel, index);
        panel.text.clear();
        panel.icon = QIcon();
        const QWidget *w = option.widget;
        QStyle *style = w ? w->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &panel, painter, w);
        const int room = figuresWidth(option, figures);
        QStyleOptionViewItem name(option);
        name.rect.setRight(option.rect.right() - room);
        QStyledItemDelegate::paint(painter, name, index);
        const bool selected = option.state.testFlag(QStyle::State_Selected);
        painter->save();
        painter->setFont(figuresFont(option));
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : models::ink::text(models::ink::Meaning::Muted, option.palette.color(QPalette::Base)));
        painter->drawText(option.rect.adjusted(0, 0, -kGap / 2, 0), Qt::AlignRight | Qt::AlignVCenter, figures);
        painter->restore();
    }

    // Whether the row has the room of its whole name and the figures.
    bool figuresFit(const QStyleOptionViewItem &option, const QModelIndex &index, const QString &figures) const
    {
        return option.rect.width() >= QStyledItemDelegate::sizeHint(option, index).width() + figuresWidth(option, figures);
    }

private:
    static constexpr int kGap = 12;
    // A point smaller than the names: what they say comes second.
    static QFont figuresFont(const QStyleOptionViewItem &option)
    {
        QFont font = option.font;
        if (font.pointSizeF() > 0)
            font.setPointSizeF(std::max(6.0, font.pointSizeF() - 1));
        return font;
    }
    static int figuresWidth(const QStyleOptionViewItem &option, const QString &figures)
    {
        return QFontMetrics(figuresFont(option)).horizontalAdvance(figures) + kGap;
    }
};

} // namespace

Sidebar::Sidebar(QWidget *parent)
    : QWidget(parent), m_model(new ServerTreeModel(this)), m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("sidebarPanel"));
    m_view->setObjectName(QStringLiteral("sidebar"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setExpandsOnDoubleClick(true);
    style::uniformRows(m_view);
    // A family's weeks share their start ("spacetraders_2025_w01", "_w02"): cut in the middle
    // a narrow tree still tells them apart.
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setItemDelegate(new FiguresDelegate(m_view));
    m_view->setIndentation(16); // five levels deep (server, family, week, schema, table): room for names
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString server = current.data(ServerTreeModel::ServerIdRole).toString();
                const QString db = current.data(ServerTreeModel::DatabaseNameRole).toString();
                emit currentChanged(server, db);
                if (current.data(ServerTreeModel::KindRole).toInt() == int(ServerTreeModel::NodeKind::Relation))
                    emit relationChosen(server, db, current.data(ServerTreeModel::SchemaRole).toString(),
                                        current.data(ServerTreeModel::RelationRole).toString());
            });
    connect(m_model, &ServerTreeModel::schemasRequested, this, &Sidebar::loadSchemas);
    connect(m_view, &QWidget::customContextMenuRequested, this, &Sidebar::showContextMenu);
    // A server's rows come back after each listing: keep them open.
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid()) {
                    for (int r = first; r <= last; ++r)
                        m_view->expand(m_model->index(r, 0));
                    return;
                }
                m_view->expand(parent);
                for (int r = first; r <= last; ++r)
                    m_view->expand(m_model->index(r, 0, parent));
            });
}

Sidebar::~Sidebar() = default;

Sidebar::Server &Sidebar::add(const QString &id, const settings::Profile &profile,
                              const pg::ConnectionSettings &settings)
{
    auto it = m_servers.find(id);
    if (it == m_servers.end()) {
        auto s = std::make_shared<Server>();
        s->id = id;
        s->runner = new JobRunner(this);
        s->inspector = new JobRunner(this);
        emit runnerCreated(s->runner);
        emit runnerCreated(s->inspector);
        it = m_servers.insert(id, s);
    }
    Server &s = **it;
    s.profile = profile;
    s.settings = settings;
    if (s.settings.database().isEmpty())
        s.settings.setValue(QStringLiteral("dbname"), QStringLiteral("postgres"));
    models::ServerTreeModel::ServerInfo info;
    info.id = id;
    info.label = profile.name;
    info.detail = s.settings.displayName();
    info.colour = profile.colour.isEmpty() ? QColor() : QColor(profile.colour);
    info.production = profile.production;
    m_model->addServer(info);
    return s;
}

QString Sidebar::open(const settings::Profile &profile, const std::optional<QString> &password)
{
    pg::ConnectionSettings settings = pg::ConnectionSettings::parse(profile.conninfo);
    if (!profile.replica.trimmed().isEmpty())
        settings.setReadReplica(pg::ConnectionSettings::parse(profile.replica));
    // A reconnect keeps the password already known this session.
    if (const Server *known = server(profile.id); known && known->settings.hasPassword())
        settings.setPassword(known->settings.value(QStringLiteral("password")));
    if (password && !password->isEmpty())
        settings.setPassword(*password);
    Server &s = add(profile.id, profile, settings);
    if (settings.hasPassword() || !profile.savePassword) {
        list(s, {});
        return s.id;
    }
    m_model->setServerState(s.id, ServerTreeModel::ServerState::Connecting,
                            tr("Reading the password from the system keychain"));
    const QString id = s.id;
    secrets::read(secrets::profileKey(profile.id), this, [this, id](const secrets::Result &r) {
        auto it = m_servers.find(id);
        if (it == m_servers.end())
            return;
        Server &srv = **it;
        if (r.ok())
            srv.settings.setPassword(r.secret);
        else if (r.status == secrets::Result::Status::Unavailable)
            m_model->setServerState(id, ServerTreeModel::ServerState::Connecting,
                                    tr("No system keychain: %1").arg(r.error));
        list(srv, {});
    });
    return s.id;
}

QString Sidebar::openAdHoc(const pg::ConnectionSettings &settings, const QString &label,
                           const QString &id)
{
    settings::Profile p;
    p.name = label;
    const QString key = id.isEmpty() ? QStringLiteral("adhoc:%1").arg(++m_adHoc) : id;
    Server &s = add(key, p, settings);
    list(s, {});
    return key;
}

void Sidebar::refresh(const QString &serverId, const QString &selectDatabase)
{
    auto it = m_servers.find(serverId);
    if (it != m_servers.end())
        list(**it, selectDatabase);
}

void Sidebar::close(const QString &serverId)
{
    auto it = m_servers.find(serverId);
    if (it == m_servers.end())
        return;
    for (JobRunner *r : {(*it)->runner, (*it)->inspector}) {
        r->cancel();
        r->deleteLater();
    }
    m_servers.erase(it);
    m_model->removeServer(serverId);
    emit closed(serverId);
}

const Sidebar::Server *Sidebar::server(const QString &id) const
{
    auto it = m_servers.find(id);
    return it == m_servers.end() ? nullptr : it->get();
}

QString Sidebar::currentServer() const
{
    return m_view->currentIndex().data(ServerTreeModel::ServerIdRole).toString();
}

QString Sidebar::currentDatabase() const
{
    return m_view->currentIndex().data(ServerTreeModel::DatabaseNameRole).toString();
}

void Sidebar::select(const QString &serverId, const QString &database)
{
    const QModelIndex index = database.isEmpty() ? m_model->indexOfServer(serverId)
                                                 : m_model->indexOfDatabase(serverId, database);
    if (index.isValid() && index != m_view->currentIndex()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

void Sidebar::list(Server &server, const QString &selectDatabase)
{
    const int generation = ++server.generation;
    const QString id = server.id;
    const weekly::ServerAdmin admin(server.settings);
    m_model->setServerState(id, ServerTreeModel::ServerState::Connecting);
    emit listing(id);
    server.runner->start<QList<weekly::DatabaseInfo>>(
        tr("Listing databases on %1").arg(server.profile.name),
        // The names first, from one statement: a server of hundreds of weeks fills at once;
        // each database's schema state follows on a lane of its own (inspect()).
        [admin](TaskContext &ctx) { return admin.listNames({}, &ctx); },
        [this, id, generation, selectDatabase](const Outcome<QList<weekly::DatabaseInfo>> &r) {
            auto it = m_servers.find(id);
            if (it == m_servers.end() || (*it)->generation != generation)
                return; // closed, or a newer listing is on its way
            Server &s = **it;
            if (!r.ok()) {
                if (r.error().isAuthentication() && s.prompts < kMaxPrompts) {
                    ++s.prompts;
                    askForPassword(id, r.error().detail(), selectDatabase);
                    return;
                }
                s.prompts = 0;
                m_model->setServerState(id, ServerTreeModel::ServerState::Failed,
                                        r.error().message());
                emit failed(id, r.error());
                return;
            }
            s.prompts = 0;
            const QString keep = selectDatabase.isEmpty() && currentServer() == id
                                     ? currentDatabase()
                                     : selectDatabase;
            m_model->setServerState(id, ServerTreeModel::ServerState::Listed);
            m_model->setDatabases(id, r.value());
            emit listed(id, r.value());
            if (!keep.isEmpty() && m_model->indexOfDatabase(id, keep).isValid())
                select(id, keep);
            if (auto again = m_servers.find(id); again != m_servers.end())
                inspect(**again, r.value());
        });
}

void Sidebar::inspect(Server &server, const QList<weekly::DatabaseInfo> &databases)
{
    const int generation = server.generation;
    const QString id = server.id;
    const weekly::ServerAdmin admin(server.settings);
    server.inspector->cancel(); // an older listing's inspection is of no use now
    server.inspector->start<QList<weekly::DatabaseInfo>>(
        tr("Reading the schema state of %n database(s) on %1", nullptr, int(databases.size()))
            .arg(server.profile.name),
        [admin, databases](TaskContext &ctx) { return admin.inspect(databases, &ctx); },
        [this, id, generation](const Outcome<QList<weekly::DatabaseInfo>> &r) {
            auto it = m_servers.find(id);
            if (it == m_servers.end() || (*it)->generation != generation || !r.ok())
                return; // closed, listed again, cancelled; a failure leaves the names as listed
            m_model->updateDatabases(id, r.value());
            emit inspected(id, r.value());
        });
}

void Sidebar::loadSchemas(const QString &serverId, const QString &database)
{
    auto it = m_servers.find(serverId);
    if (it == m_servers.end())
        return;
    const pg::ConnectionSettings db = (*it)->settings.withDatabase(database);
    (*it)->runner->start<QList<browse::SchemaInfo>>(
        tr("Reading the schemas of %1").arg(database),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return browse::readSchemaTree(*conn);
        },
        [this, serverId, database](const Outcome<QList<browse::SchemaInfo>> &r) {
            if (!m_servers.contains(serverId))
                return;
            if (!r.ok()) {
                m_model->clearSchemas(serverId, database); // asked again on the next expansion
                if (!r.cancelled())
                    emit failed(serverId, r.error());
                return;
            }
            m_model->setSchemas(serverId, database, r.value());
        });
}

void Sidebar::askForPassword(const QString &serverId, const QString &why,
                             const QString &selectDatabase)
{
    const Server *s = server(serverId);
    if (!s)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("passwordPrompt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Password for %1").arg(s->profile.name));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setLabelText(tr("%1 needs a password for %2.\n%3\nIt is kept in memory for this "
                            "session only.")
                             .arg(s->profile.name, s->settings.displayName(), why));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, serverId, selectDatabase](const QString &password) {
                auto it = m_servers.find(serverId);
                if (it == m_servers.end())
                    return;
                (*it)->settings.setPassword(password);
                list(**it, selectDatabase);
            });
    connect(dialog, &QDialog::rejected, this, [this, serverId] {
        auto it = m_servers.find(serverId);
        if (it == m_servers.end())
            return;
        (*it)->prompts = 0;
        const Error e(Error::Kind::Connection, tr("No password was given for %1.")
                                                   .arg((*it)->profile.name),
                      {}, tr("Refresh the server (F5) to be asked again."), QStringLiteral("28P01"));
        m_model->setServerState(serverId, ServerTreeModel::ServerState::Failed, e.message());
        emit failed(serverId, e);
    });
    dialog->open();
}

void Sidebar::showContextMenu(const QPoint &at)
{
    const QModelIndex index = m_view->indexAt(at);
    const QString id = index.data(ServerTreeModel::ServerIdRole).toString();
    if (id.isEmpty())
        return;
    QMenu menu(this);
    menu.addAction(style::icon(QStringLiteral("view-refresh")), tr("&Refresh (reconnect)"), this,
                   [this, id] { refresh(id); });
    const Server *s = server(id);
    if (s && !s->profile.id.isEmpty())
        menu.addAction(style::icon(QStringLiteral("document-edit")), tr("&Edit connection…"), this,
                       [this, id] { emit editRequested(id); });
    menu.addSeparator();
    menu.addAction(style::icon(QStringLiteral("network-disconnect")), tr("&Close this server"), this,
                   [this, id] { close(id); });
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

} // namespace statescope::gui
