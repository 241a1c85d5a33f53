#include "core/json/canonical.h"

#include <QTest>

using namespace statescope;

class TestCanonical : public QObject
{
    Q_OBJECT
private slots:
    void sortsKeysWithoutSpaces()
    {
        const auto doc = nlohmann::json::parse(R"({ "b": 1, "a": {"z": [1, 2], "y": null} })");
        QCOMPARE(json::canonical(doc), QByteArray(R"({"a":{"y":null,"z":[1,2]},"b":1})"));
    }

    void sameContentSameHash()
    {
        const auto a = nlohmann::json::parse(R"({"data":{"symbol":"AGENT","credits":175000}})");
        const auto b = nlohmann::json::parse(R"({"data":{"credits":175000,"symbol":"AGENT"}})");
        QCOMPARE(json::payloadHash(a), json::payloadHash(b));
        const auto c = nlohmann::json::parse(R"({"data":{"credits":175001,"symbol":"AGENT"}})");
        QVERIFY(json::payloadHash(a) != json::payloadHash(c));
    }

    void keepsUnicodeAsUtf8()
    {
        const auto doc = nlohmann::json::parse("{\"name\":\"Zo\\u00eb \\u2603\"}");
        QCOMPARE(json::canonical(doc), QByteArray("{\"name\":\"Zo\xc3\xab \xe2\x98\x83\"}"));
    }

    void knownDigest()
    {
        // printf '{"a":1}' | sha256sum
        QCOMPARE(json::payloadHash(nlohmann::json::parse(R"({ "a" : 1 })")),
                 QByteArray("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"));
    }
};

QTEST_APPLESS_MAIN(TestCanonical)
#include "tst_canonical.moc"
