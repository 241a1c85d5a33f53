// Drives the diff view (offscreen): two documents compared on the worker thread, the
// summary, the tree with the changed levels opened, the patch text, the keyed toggle,
// parse errors and a cancel that lands while the comparison waits in the queue.
#include "gui/widgets/diffview.h"
#include "gui/widgets/jobrunner.h"
#include "models/difftreemodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSemaphore>
#include <QTest>
#include <QTreeView>
#include <nlohmann/json.hpp>

using namespace statescope;
using Model = models::DiffTreeModel;

namespace {

const QByteArray kWeek1 = R"({"agent":{"credits":1000,"hq":"X1"},
  "ships":[{"ship_id":"S1","fuel":10},{"ship_id":"S2","fuel":5},{"ship_id":"S3","fuel":7}],
  "contracts":[]})";
const QByteArray kWeek2 = R"({"agent":{"credits":1250,"hq":"X1"},
  "ships":[{"ship_id":"S2","fuel":5},{"ship_id":"S3","fuel":7},{"ship_id":"S4","fuel":1}],
  "contracts":[],"faction":"COSMIC"})";

// "op path" of every operation in a patch text, which must parse as JSON.
QStringList ops(const QByteArray &patch, bool *parsed)
{
    QStringList out;
    const auto doc = nlohmann::json::parse(patch.toStdString(), nullptr, false);
    *parsed = doc.is_array();
    if (!*parsed)
        return out;
    for (const auto &op : doc)
        out << QString::fromStdString(op.at("op").get<std::string>() + " " +
                                      op.at("path").get<std::string>());
    return out;
}

} // namespace

class TestDiffView : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_view = std::make_unique<gui::DiffView>();
        m_view->resize(900, 600);
        m_view->show();
    }

    void cleanup() { m_view.reset(); }

    void comparesAndShowsTreeSummaryAndPatch()
    {
        m_view->setDocuments(json::Document::parse(kWeek1), "week 1", json::Document::parse(kWeek2),
                             "week 2");
        QTRY_VERIFY(m_view->hasResult());
        QVERIFY(!m_view->isBusy());

        // By position: S1→S2, S2→S3, S3→S4 change their ship_id and fuel in place.
        QCOMPARE(m_view->summaryText(), QStringLiteral("1 added, 0 removed, 7 changed"));
        auto *tree = m_view->findChild<QTreeView *>("diffTree");
        QVERIFY(tree);
        QCOMPARE(tree->model(), m_view->model());
        QCOMPARE(tree->model()->headerData(Model::Before, Qt::Horizontal).toString(),
                 QStringLiteral("week 1"));
        QCOMPARE(tree->model()->headerData(Model::After, Qt::Horizontal).toString(),
                 QStringLiteral("week 2"));

        // Only changes by default, and the levels leading to them are open.
        auto *onlyChanges = m_view->findChild<QCheckBox *>("onlyChanges");
        QVERIFY(onlyChanges && onlyChanges->isChecked());
        const QModelIndex top = tree->model()->index(0, 0);
        QVERIFY(tree->isExpanded(top));
        QStringList keys;
        for (int row = 0; row < tree->model()->rowCount(top); ++row)
            keys << tree->model()->index(row, 0, top).data().toString();
        QCOMPARE(keys, QStringList({"agent", "ships", "faction"}));
        const QModelIndex agent = tree->model()->index(0, 0, top);
        QVERIFY(tree->isExpanded(agent));
        QCOMPARE(tree->model()->rowCount(agent), 1); // hq is the same: hidden
        QCOMPARE(tree->model()->index(0, Model::Delta, agent).data().toString(),
                 QStringLiteral("+250"));

        // Unticking the filter shows the unchanged rows too.
        onlyChanges->setChecked(false);
        QCOMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), 4);
        QVERIFY(tree->isExpanded(tree->model()->index(0, 0)));

        auto *patchText = m_view->findChild<QPlainTextEdit *>("patchText");
        QVERIFY(patchText && patchText->isReadOnly());
        bool parsed = false;
        QCOMPARE(ops(patchText->toPlainText().toUtf8(), &parsed),
                 QStringList({"replace /agent/credits", "replace /ships/0/ship_id",
                              "replace /ships/0/fuel", "replace /ships/1/ship_id",
                              "replace /ships/1/fuel", "replace /ships/2/ship_id",
                              "replace /ships/2/fuel", "add /faction"}));
        QVERIFY(parsed);
    }

    void keyedArraysToggleComparesAgain()
    {
        m_view->setDocuments(json::Document::parse(kWeek1), "week 1", json::Document::parse(kWeek2),
                             "week 2");
        QTRY_VERIFY(m_view->hasResult());
        auto *keyed = m_view->findChild<QCheckBox *>("keyedArrays");
        QVERIFY(keyed && !keyed->isChecked());
        keyed->setChecked(true);
        QTRY_VERIFY(m_view->hasResult() && !m_view->isBusy());
        QCOMPARE(m_view->summaryText(), QStringLiteral("2 added, 1 removed, 1 changed"));
        bool parsed = false;
        QCOMPARE(ops(m_view->patch(), &parsed),
                 QStringList({"replace /agent/credits", "remove /ships/0", "add /ships/2",
                              "add /faction"}));
        QVERIFY(parsed);
        // The tree lines the ships up by ship_id.
        const QModelIndex ships = m_view->model()->index(1, 0, m_view->model()->index(0, 0));
        QCOMPARE(ships.data().toString(), QStringLiteral("ships"));
        QVERIFY(m_view->tree()->isExpanded(ships));
        QStringList keys;
        for (int row = 0; row < m_view->model()->rowCount(ships); ++row)
            keys << m_view->model()->index(row, 0, ships).data().toString();
        QCOMPARE(keys, QStringList({R"([ship_id="S1"])", R"([ship_id="S4"])"}));
    }

    void identicalDocuments()
    {
        m_view->setDocuments(json::Document::parse(R"({"a":[1,2]})"), "a",
                             json::Document::parse(R"({ "a" : [1, 2.0] })"), "b");
        QTRY_VERIFY(m_view->hasResult());
        QCOMPARE(m_view->summaryText(), QStringLiteral("No differences."));
        QCOMPARE(m_view->patch(), QByteArray("[]"));
    }

    void invalidDocumentShowsTheParseError()
    {
        m_view->setDocuments(json::Document::parse(R"({"a":1})"), "week 1",
                             json::Document::parse("{\n  \"a\": }"), "week 2");
        QVERIFY(!m_view->hasResult());
        QVERIFY(!m_view->isBusy());
        const QString message = m_view->messageText();
        QVERIFY2(message.startsWith(QStringLiteral("week 2 is not valid JSON: line 2")),
                 qPrintable(message));
        QVERIFY(m_view->findChild<QLabel *>("diffMessage")->isVisible());
        QCOMPARE(m_view->model()->rowCount(), 0);
    }

    void cancelWhileQueued()
    {
        // Hold the view's worker thread so the comparison waits in its queue: the cancel
        // then reaches it before it starts, whatever the machine's speed.
        QSemaphore release;
        m_view->runner()->start<int>(
            QStringLiteral("hold"), [&release](TaskContext &) { return release.acquire(), 0; },
            [](const Outcome<int> &) {});
        m_view->setDocuments(json::Document::parse(kWeek1), "week 1", json::Document::parse(kWeek2),
                             "week 2");
        QVERIFY(m_view->isBusy());
        QCOMPARE(m_view->summaryText(), QStringLiteral("Comparing…"));
        m_view->cancel();
        release.release();
        QTRY_VERIFY(!m_view->isBusy());
        QVERIFY(!m_view->hasResult());
        QCOMPARE(m_view->messageText(), QStringLiteral("Comparison cancelled."));
    }

private:
    std::unique_ptr<gui::DiffView> m_view;
};

int main(int argc, char **argv)
{
    // Offscreen unless told otherwise, so the test needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestDiffView test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_diffview.moc"
