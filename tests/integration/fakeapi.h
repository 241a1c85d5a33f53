#pragma once

// tests/tools/fake_api.py, a local SpaceTraders-shaped server on 127.0.0.1, for one test.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

namespace statescope::test {

// The fake API server, for the life of one test.
class FakeApi
{
public:
    explicit FakeApi(const QStringList &extra = {})
    {
        m_log = m_dir.path() + QStringLiteral("/requests.jsonl");
        m_process.start(QStringLiteral("python3"), QStringList{QStringLiteral(STATESCOPE_FAKE_API),
                                                               QStringLiteral("--log"), m_log}
                                                       + extra);
        if (m_process.waitForReadyRead(10000))
            m_port = m_process.readLine().trimmed().toInt();
    }
    ~FakeApi()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    bool ok() const { return m_port > 0; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    // The requests the server saw, in arrival order.
    QList<QJsonObject> log() const
    {
        QList<QJsonObject> out;
        QFile f(m_log);
        if (!f.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty())
                out << QJsonDocument::fromJson(line).object();
        std::sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value(QLatin1String("t")).toDouble() < b.value(QLatin1String("t")).toDouble();
        });
        return out;
    }

private:
    QTemporaryDir m_dir;
    QString m_log;
    QProcess m_process;
    int m_port = 0;
};

} // namespace statescope::test
