#include "gui/widgets/themed.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>
#include <QListWidget>
#include <QSet>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTreeWidget>

namespace statescope::gui::style {

namespace {

const char *const kInkProperty = "statescopeInk";
const char *const kInkCssProperty = "statescopeInkCss";

void applyInk(QWidget *w)
{
    const QVariant meaning = w->property(kInkProperty);
    if (!meaning.isValid())
        return;
    const QColor colour = models::ink::text(models::ink::Meaning(meaning.toInt()), QApplication::palette().color(QPalette::Window));
    const QString css = w->property(kInkCssProperty).toString();
    w->setStyleSheet(QStringLiteral("color: %1%2").arg(colour.name(), css.isEmpty() ? QString() : QStringLiteral("; ") + css));
}

class PaletteIconEngine : public QIconEngine
{
public:
    explicit PaletteIconEngine(std::function<QByteArray(const QPalette &)> make) : m_make(std::move(make)) {}

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const QPalette palette = QApplication::palette();
        const QString key = QStringLiteral("%1-%2x%3-%4-%5").arg(palette.cacheKey()).arg(size.width()).arg(size.height())
                                .arg(int(mode)).arg(int(state));
        if (const auto it = m_cache.constFind(key); it != m_cache.cend())
            return *it;
        if (m_cache.size() > 64)
            m_cache.clear();
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        {
            QSvgRenderer renderer(m_make(palette));
            QPainter painter(&pm);
            renderer.render(&painter);
        }
        if (mode != QIcon::Normal) {
            QStyleOption option;
            option.palette = palette;
            pm = QApplication::style()->generatedIconPixmap(mode, pm, &option);
        }
        m_cache.insert(key, pm);
        return pm;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = pixmap(rect.size() * dpr, mode, state);
        pm.setDevicePixelRatio(dpr);
        painter->drawPixmap(rect, pm);
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new PaletteIconEngine(m_make); }
    QString key() const override { return QStringLiteral("statescope-palette"); }

private:
    std::function<QByteArray(const QPalette &)> m_make;
    QHash<QString, QPixmap> m_cache;
};

} // namespace

ThemeNotifier *ThemeNotifier::instance()
{
    static auto *notifier = new ThemeNotifier;
    return notifier;
}

void setInk(QWidget *w, models::ink::Meaning meaning, const QString &css)
{
    w->setProperty(kInkProperty, int(meaning));
    w->setProperty(kInkCssProperty, css);
    applyInk(w);
}

void clearInk(QWidget *w)
{
    w->setProperty(kInkProperty, QVariant());
    w->setProperty(kInkCssProperty, QVariant());
    w->setStyleSheet({});
}

void setInk(QTableWidgetItem *item, models::ink::Meaning meaning)
{
    item->setData(inkRole, int(meaning));
    item->setForeground(models::ink::text(meaning));
}

void setInk(QTreeWidgetItem *item, int column, models::ink::Meaning meaning)
{
    item->setData(column, inkRole, int(meaning));
    item->setForeground(column, models::ink::text(meaning));
}

void setInk(QListWidgetItem *item, models::ink::Meaning meaning)
{
    item->setData(inkRole, int(meaning));
    item->setForeground(models::ink::text(meaning));
}

void setInk(QStandardItem *item, models::ink::Meaning meaning)
{
    item->setData(int(meaning), inkRole);
    item->setForeground(models::ink::text(meaning));
}

void setFill(QTableWidgetItem *item, models::ink::Meaning meaning)
{
    item->setData(fillRole, int(meaning));
    item->setBackground(models::ink::fill(meaning));
}

void setFill(QTreeWidgetItem *item, int column, models::ink::Meaning meaning)
{
    item->setData(column, fillRole, int(meaning));
    item->setBackground(column, models::ink::fill(meaning));
}

QIcon paletteIcon(std::function<QByteArray(const QPalette &)> make)
{
    return QIcon(new PaletteIconEngine(std::move(make)));
}

namespace {

// Every cell below `parent` that keeps a meaning gets that meaning's colour for the palette now.
void reink(QAbstractItemModel *model, const QModelIndex &parent)
{
    for (int r = 0; r < model->rowCount(parent); ++r)
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex i = model->index(r, c, parent);
            if (const QVariant m = i.data(inkRole); m.isValid())
                model->setData(i, QBrush(models::ink::text(models::ink::Meaning(m.toInt()))), Qt::ForegroundRole);
            if (const QVariant m = i.data(fillRole); m.isValid())
                model->setData(i, QBrush(models::ink::fill(models::ink::Meaning(m.toInt()))), Qt::BackgroundRole);
            if (c == 0 && model->hasChildren(i))
                reink(model, i);
        }
}

} // namespace

void themeChanged()
{
    QSet<QAbstractItemModel *> models;
    for (QWidget *w : QApplication::allWidgets()) {
        applyInk(w);
        // A combo box keeps the size it measured under the other palette's style (Fusion
        // frames differ), and cut its text after a switch: measured again.
        if (qobject_cast<QComboBox *>(w)) {
            QEvent changed(QEvent::StyleChange);
            QCoreApplication::sendEvent(w, &changed);
            w->updateGeometry();
        }
        // The models whose cells were given a meaning above: item widgets' and standard ones.
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()
            && (qobject_cast<QTableWidget *>(w) || qobject_cast<QTreeWidget *>(w) || qobject_cast<QListWidget *>(w)
                || qobject_cast<QStandardItemModel *>(view->model())))
            models.insert(view->model());
    }
    for (QAbstractItemModel *m : std::as_const(models))
        reink(m, {});
    emit ThemeNotifier::instance()->changed();
}

} // namespace statescope::gui::style
