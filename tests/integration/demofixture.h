#pragma once

// What tst_demo and tst_demo_games share: two databases seeded with the same default
// options (m_a to read, m_b to compare with or to tamper with), and the databases to drop
// at the end.

#include "core/demo/demogenerator.h"
#include "core/pg/connection.h"
#include "support/testserver.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace statescope::test {

class DemoFixture
{
protected:
    QStringList m_databases;
    demo::DemoOptions m_options;
    demo::DemoReport m_report;
    std::unique_ptr<pg::Connection> m_a; // seeded with m_options
    std::unique_ptr<pg::Connection> m_b; // seeded again with the same options

    std::unique_ptr<pg::Connection> newDatabase(const QString &hint)
    {
        const auto settings = freshDatabase(hint);
        m_databases << settings.database();
        return pg::Connection::open(settings);
    }

    // For initTestCase: seeds m_a, and m_b again with the same options.
    void seedTwice()
    {
        m_a = newDatabase(QStringLiteral("demo_a"));
        m_report = demo::seed(*m_a, m_options);
        m_b = newDatabase(QStringLiteral("demo_b"));
        demo::seed(*m_b, m_options);
    }
};

} // namespace statescope::test
