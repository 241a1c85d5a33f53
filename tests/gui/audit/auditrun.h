#pragma once

// The GUI audit's run: the look and screen it was started with, and waiting for a window's
// background work to settle before a state is checked.

#include "gui/widgets/jobrunner.h"
#include "models/eventtablemodel.h"
#include "models/rowgridmodel.h"

#include <QAbstractItemView>
#include <QRegularExpression>
#include <QSize>
#include <QString>
#include <QTest>
#include <QWidget>

namespace statescope::test::auditrun {

constexpr int kTimeout = 60000;

inline QString look()
{
    const QString l = qEnvironmentVariable("STATESCOPE_AUDIT_LOOK", QStringLiteral("light"));
    return l;
}

inline QSize screenSize()
{
    const QStringList wh = qEnvironmentVariable("STATESCOPE_AUDIT_SCREEN", QStringLiteral("1280x800")).split(QLatin1Char('x'));
    return {wh.value(0).toInt(), wh.value(1).toInt()};
}

inline QString fileName(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
    return text.toLower();
}

// Waits until no background lane of `w` is busy, and no lazy grid is reading (a statement's
// rows and a table's pages come through the grid's own worker, not a lane), then lets the
// results settle on screen.
inline void settle(QWidget *w)
{
    const auto busy = [w] {
        for (gui::JobRunner *r : w->findChildren<gui::JobRunner *>())
            if (r->isBusy())
                return true;
        for (QAbstractItemView *v : w->findChildren<QAbstractItemView *>()) {
            if (const auto *g = qobject_cast<const models::RowGridModel *>(v->model()); g && g->isLoading())
                return true;
            if (const auto *e = qobject_cast<const models::EventTableModel *>(v->model()); e && e->isLoading())
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!busy(), kTimeout);
    QTest::qWait(200);
    QTRY_VERIFY_WITH_TIMEOUT(!busy(), kTimeout);
}


} // namespace statescope::test::auditrun
