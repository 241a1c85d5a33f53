// The Shards pane's sets: the saved ones listed, one opened (its rule, values, tables and
// game data read from the shards), a new one read and saved, one forgotten, one player's shard.
#include "gui/shards/shardspane.h"

#include "models/ink.h"

#include "core/browse/schema.h"
#include "core/layout/layout.h"
#include "core/settings.h"
#include "core/task/canceltoken.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/jobrunner.h"
#include "gui/shards/setdialog.h"
#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {

struct Opened
{
    shard::ShardSet set;
    QList<shard::Down> down;
    QString ruleSource;
    QStringList tables;
    QList<ShardsPane::GameData> views;
};

// The game's own data the first answering shard's layout finds; the time order is offered
// when every answering shard has an index leading with the time column.
QList<ShardsPane::GameData> gameDataOf(shard::ShardReader &reader, CancelToken &cancel)
{
    struct Kind
    {
        layout::Kind kind;
        QString label, time;
    };
    const QList<Kind> kinds{{layout::Kind::ApiEvents, ShardsPane::tr("API events"), QStringLiteral("fetched_at")},
                            {layout::Kind::PlayerEvents, ShardsPane::tr("Player events"), QStringLiteral("occurred_at")},
                            {layout::Kind::Saves, ShardsPane::tr("Saves"), QStringLiteral("created_at")}};
    QList<ShardsPane::GameData> out;
    QList<std::shared_ptr<const layout::Layout>> layouts;
    for (int i = 0; i < reader.set().members.size(); ++i)
        if (pg::Connection *conn = reader.connection(i, cancel))
            layouts << layout::of(*conn);
    if (layouts.isEmpty())
        return out;
    for (const Kind &k : kinds) {
        const layout::Relation *rel = layouts.first()->find(k.kind);
        if (!rel)
            continue;
        ShardsPane::GameData v;
        v.label = QStringLiteral("%1 (%2)").arg(k.label, rel->qualifiedName());
        v.relation = rel->schema + QLatin1Char('.') + rel->table;
        v.timeColumn = rel->has(k.time) ? rel->columns.at(k.time).name : QString();
        v.playerColumn = rel->has(QStringLiteral("player_id")) ? rel->columns.at(QStringLiteral("player_id")).name
                                                                : QString();
        v.timeIndexed = !v.timeColumn.isEmpty();
        for (const auto &l : std::as_const(layouts)) {
            const layout::Relation *there = l->find(k.kind);
            if (!there || there->schema != rel->schema || there->table != rel->table || !there->indexLeadsWith(k.time))
                v.timeIndexed = false;
        }
        out << v;
    }
    return out;
}

QString hostOf(const pg::ConnectionSettings &s)
{
    const QString host = s.value(QStringLiteral("host"));
    const QString port = s.value(QStringLiteral("port"));
    return (host.isEmpty() ? QStringLiteral("localhost") : host) + (port.isEmpty() ? QString() : QLatin1Char(':') + port);
}

} // namespace

void ShardsPane::reloadSets(const QString &select)
{
    QList<shard::ShardSet> sets;
    try {
        sets = shard::savedSets();
    } catch (const Error &e) {
        m_banner->showError(e, tr("shard sets"));
    }
    const QSignalBlocker block(m_setBox);
    m_setBox->clear();
    for (const shard::ShardSet &s : sets)
        m_setBox->addItem(s.name);
    m_setBox->setPlaceholderText(sets.isEmpty() ? tr("no set saved yet") : tr("choose a set"));
    m_setBox->setCurrentIndex(-1);
    if (!select.isEmpty())
        openSet(select);
    else if (!m_setName.isEmpty() && m_setBox->findText(m_setName) >= 0)
        m_setBox->setCurrentIndex(m_setBox->findText(m_setName));
}

void ShardsPane::fillPasswords(shard::ShardSet &set) const
{
    if (!m_servers)
        return;
    const auto servers = m_servers();
    for (shard::Member &m : set.members) {
        if (m.settings.hasPassword())
            continue;
        for (const auto &[label, s] : servers)
            if (s.hasPassword() && hostOf(s) == hostOf(m.settings)
                && s.value(QStringLiteral("user")) == m.settings.value(QStringLiteral("user"))) {
                m.settings.setPassword(s.value(QStringLiteral("password")));
                break;
            }
    }
}

void ShardsPane::clearShown()
{
    ++m_generation;
    m_jobs->cancel();
    m_reader.reset();
    m_set = {};
    m_down.clear();
    m_schema.clear();
    m_table.clear();
    m_filters.clear();
    m_order = {};
    m_cursor = {};
    m_atEnd = true;
    m_columns.clear();
    m_rows->clear();
    m_tableBox->clear();
    m_views.clear();
    m_viewBox->clear();
    m_filterColumn->clear();
    m_members->setRowCount(0);
    m_members->setVisible(false); // no set: no empty header strip that reads as broken
    m_summary->setText(m_setName.isEmpty() ? tr("A shard set is N databases that are the shards of one game, read "
                                               "here as one database.")
                                           : QString());
    m_count->clear();
    m_route->clear();
    m_more->setEnabled(false);
    m_placement->setRowCount(0);
    m_placementSummary->clear();
    delete m_sqlView;
    m_sqlView = nullptr;
    m_banner->clearFor(QString());
    rebuildFilterText();
}

void ShardsPane::openSet(const QString &name)
{
    std::optional<shard::ShardSet> found;
    try {
        for (const shard::ShardSet &s : shard::savedSets())
            if (s.name == name)
                found = s;
    } catch (const Error &e) {
        m_banner->showError(e, tr("shard sets"));
        return;
    }
    m_setName = found ? name : QString();
    clearShown();
    {
        const QSignalBlocker block(m_setBox);
        m_setBox->setCurrentIndex(m_setBox->findText(m_setName));
    }
    if (!found) {
        m_banner->showWarning(tr("There is no shard set named \"%1\".").arg(name));
        return;
    }
    shard::ShardSet set = *found;
    fillPasswords(set);
    auto reader = std::make_shared<shard::ShardReader>(set);
    m_reader = reader;
    const quint64 generation = m_generation;
    m_summary->setText(tr("Reading the rule and the shards of %1…").arg(name));
    m_jobs->start<Opened>(
        tr("Opening shard set %1").arg(name),
        [reader](TaskContext &ctx) {
            reader->resolve(ctx.cancelToken());
            const auto unbind = qScopeGuard([&] { reader->release(); }); // the task's token ends with it
            Opened out;
            for (int i = 0; i < reader->set().members.size(); ++i) {
                pg::Connection *conn = reader->connection(i, ctx.cancelToken());
                if (!conn)
                    continue;
                for (const browse::SchemaInfo &schema : browse::readSchemaTree(*conn))
                    for (const browse::RelationInfo &r : schema.relations)
                        if (r.kind == browse::RelationInfo::Kind::Table || r.kind == browse::RelationInfo::Kind::Partitioned)
                            out.tables << r.qualified();
                break;
            }
            out.views = gameDataOf(*reader, ctx.cancelToken());
            out.set = reader->set();
            out.down = reader->down();
            out.ruleSource = reader->ruleSource();
            return out;
        },
        [this, generation, name](const Outcome<Opened> &out) {
            if (generation != m_generation)
                return;
            if (!out.ok()) {
                m_summary->clear();
                m_reader.reset(); // nothing is read through a set that did not open
                if (!out.cancelled())
                    m_banner->showError(out.error(), name);
                emit failed(out.error().message());
                return;
            }
            m_set = out.value().set;
            m_down = out.value().down;
            m_summary->setText(tr("%n shard(s). Rule: <code>%1</code> (%2), values 0–%3.", nullptr,
                                  int(m_set.members.size()))
                                   .arg(m_set.rule.expression.toHtmlEscaped(), out.value().ruleSource.toHtmlEscaped(),
                                        QString::number(m_set.rule.values - 1)));
            showMembers();
            showDown(m_down, tr("the tables are listed from the others"));
            m_tableBox->addItems(out.value().tables);
            m_views = out.value().views;
            for (const GameData &v : std::as_const(m_views))
                m_viewBox->addItem(v.label);
            m_viewBox->setEnabled(!m_views.isEmpty());
            m_viewBox->setPlaceholderText(m_views.isEmpty() ? tr("no game data found") : tr("game data…"));
            m_viewBox->setCurrentIndex(-1);
            m_tableBox->setCurrentIndex(-1);
            m_tableBox->setPlaceholderText(tr("choose a table"));
            emit setOpened(name);
        });
}

QString ShardsPane::shardLabel(int member) const
{
    if (member < 0 || member >= m_set.members.size())
        return QString::number(member);
    const shard::Member &m = m_set.members.at(member);
    if (!m.label.isEmpty())
        return m.label;
    // The database's name, when no other shard has it (on another server); else host/name.
    for (int i = 0; i < m_set.members.size(); ++i)
        if (i != member && m_set.members.at(i).settings.database() == m.settings.database())
            return m.displayLabel();
    return m.settings.database();
}

void ShardsPane::showMembers()
{
    m_members->setRowCount(int(m_set.members.size()));
    m_members->setVisible(!m_set.members.isEmpty());
    for (int i = 0; i < m_set.members.size(); ++i) {
        const shard::Member &m = m_set.members.at(i);
        QString state = tr("answering");
        bool down = false;
        for (const shard::Down &d : std::as_const(m_down))
            if (d.member == i) {
                state = tr("down: %1").arg(d.error);
                down = true;
            }
        const QStringList cells{shardLabel(i), hostOf(m.settings) + QLatin1Char('/') + m.settings.database(),
                                shard::ShardSet::valuesText(m.values), state};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            if (down)
                style::setInk(item, models::ink::Meaning::Danger);
            m_members->setItem(i, c, item);
        }
    }
    m_members->resizeColumnsToContents();
    // As tall as its rows (up to eight), so the rows below keep the room.
    const int rows = std::min(int(m_set.members.size()), 8);
    m_members->setFixedHeight(m_members->horizontalHeader()->sizeHint().height() + 2 * m_members->frameWidth()
                              + rows * m_members->verticalHeader()->defaultSectionSize() + 2);
}

void ShardsPane::showDown(const QList<shard::Down> &down, const QString &what)
{
    if (down.isEmpty()) {
        m_banner->clearFor(m_setName);
        return;
    }
    QStringList names;
    for (const shard::Down &d : down)
        names << tr("%1 (%2)").arg(d.label, d.error);
    m_banner->showWarning(tr("%n shard(s) did not answer: %1. Their rows are missing here; %2.", nullptr,
                             int(down.size()))
                              .arg(names.join(QStringLiteral("; ")), what),
                          m_setName);
}

void ShardsPane::goToPlayer(const QString &player)
{
    if (!m_reader || m_set.members.isEmpty()) {
        m_banner->showWarning(tr("Open a shard set first."));
        return;
    }
    if (player.isEmpty()) {
        m_banner->showWarning(tr("Give the player's id."));
        return;
    }
    auto reader = m_reader;
    const quint64 generation = m_generation;
    m_jobs->start<int>(
        tr("Finding the shard of player %1").arg(player),
        [reader, player](TaskContext &ctx) { return reader->ownerOfPlayer(player, ctx.cancelToken()); },
        [this, generation, player](const Outcome<int> &out) {
            if (generation != m_generation)
                return;
            if (!out.ok()) {
                if (!out.cancelled())
                    m_banner->showError(out.error(), player);
                emit failed(out.error().message());
                return;
            }
            shard::ShardSet set = m_set;
            fillPasswords(set);
            const shard::Member &m = set.members.at(out.value());
            m_banner->showMessage(tr("Player %1 is on %2.").arg(player, shardLabel(out.value())), m_setName);
            emit openShard(m.settings, m.displayLabel(), player);
        });
}

void ShardsPane::showNewSetDialog()
{
    ShardSetDialog dialog(m_servers ? m_servers() : QList<QPair<QString, pg::ConnectionSettings>>{}, this);
    if (dialog.exec() == QDialog::Accepted)
        addSet(dialog.set());
}

void ShardsPane::addSet(const shard::ShardSet &given)
{
    shard::ShardSet set = given;
    try {
        set.validate();
        for (const shard::ShardSet &s : shard::savedSets())
            if (s.name == set.name)
                throw Error::invalidInput(tr("There is a shard set named \"%1\" already.").arg(set.name));
    } catch (const Error &e) {
        m_banner->showError(e, tr("new shard set"));
        emit failed(e.message());
        return;
    }
    fillPasswords(set);
    m_jobs->start<shard::ShardSet>(
        tr("Reading the shards of %1").arg(set.name),
        [set](TaskContext &ctx) {
            shard::ShardReader reader(set);
            reader.resolve(ctx.cancelToken());
            shard::ShardSet out = reader.set();
            // What is saved: the rule and values as read, the connections without a password.
            for (int i = 0; i < out.members.size(); ++i)
                out.members[i].settings = set.members.at(i).settings;
            return out;
        },
        [this, given](const Outcome<shard::ShardSet> &out) {
            try {
                if (!out.ok())
                    throw out.error();
                shard::ShardSet saved = out.value();
                for (int i = 0; i < saved.members.size(); ++i)
                    saved.members[i].settings = given.members.at(i).settings; // never a password
                QList<shard::ShardSet> sets = shard::savedSets();
                sets << saved;
                shard::saveSets(sets);
            } catch (const Error &e) {
                if (e.kind() == Error::Kind::Cancelled)
                    m_banner->showWarning(tr("The shard set %1 was not saved: reading its shards was stopped.")
                                              .arg(given.name));
                else
                    m_banner->showError(e, tr("new shard set"));
                emit failed(e.message());
                return;
            }
            reloadSets(given.name);
        });
}

void ShardsPane::removeSet(const QString &name)
{
    try {
        QList<shard::ShardSet> sets = shard::savedSets();
        sets.removeIf([&](const shard::ShardSet &s) { return s.name == name; });
        shard::saveSets(sets);
    } catch (const Error &e) {
        m_banner->showError(e, name);
        return;
    }
    if (m_setName == name) {
        m_setName.clear();
        clearShown();
    }
    reloadSets();
}

} // namespace statescope::gui
