#pragma once

// Rows written for programs, the same in every command that prints them (docs/CLI.md, "Rows
// for programs"): one mapping of PostgreSQL's types to JSON, names that never collide, CSV as
// COPY ... CSV writes it and text as COPY's text format.
//
// JSON, by the column's type:
//   smallint, integer, bigint, oid, real, double precision, numeric  a number, the server's
//       own digits (exact; NaN and ±Infinity, which JSON has no number for, as strings)
//   boolean                                                            true / false
//   json, jsonb                                                        the document itself (so a
//       json null reads as null, as SQL NULL does)
//   arrays of PostgreSQL's own types                                   arrays (nested for
//       several dimensions), elements mapped as above; an array with explicit bounds
//       ("[0:1]={1,2}") stays text
//   anything else (text, timestamps, uuid, bytea, ranges, ...) and the types a database
//   defines (enums, composites, their arrays)                          a string, as the server
//       prints it; a domain is written as its base type (the server sends that type)
//   NULL                                                               null
// A name a row already has gets _2, _3, ... (the first that no column of the result has): the
// second "id" of `SELECT g.id, p.id` is "id_2"; names a command adds itself ("week", "server",
// "shard") are taken first, so a user's "week" column becomes "week_2".

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace statescope::browse::resultformat {

enum class Shape { Text, Number, Bool, Json, Array };

struct ColumnShape
{
    Shape shape = Shape::Text;
    Shape element = Shape::Text; // Array: its elements' shape
    char delimiter = ',';        // Array: between elements (';' for box[])
};

// By the type's OID (PQftype); a type PostgreSQL does not define itself is Text.
ColumnShape shapeOf(unsigned typeOid);
QList<ColumnShape> shapesOf(const QList<unsigned> &typeOids);

// A value (the server's text, not NULL) as JSON text. Bytes that are not UTF-8 (a SQL_ASCII
// database) become U+FFFD, and *invalidUtf8 is set.
std::string jsonValue(const ColumnShape &shape, QByteArrayView text, bool *invalidUtf8 = nullptr);
std::string jsonString(QByteArrayView text, bool *invalidUtf8 = nullptr);

// Names made unique in order (see above); `reserved` are taken before the first column.
QStringList uniqueNames(const QStringList &names, const QStringList &reserved = {});

// One row as a JSON object on one line: names and values (JSON text each) in order. When
// invalidUtf8, "invalid_utf8": true is added (under the first of invalid_utf8,
// _invalid_utf8, ... no column has).
std::string objectLine(const QStringList &names, const std::vector<std::string> &values, bool invalidUtf8 = false);
// A row's values as JSON text (nullopt: null).
std::vector<std::string> jsonValues(const QList<ColumnShape> &shapes,
                                    const std::vector<std::optional<QByteArray>> &cells, bool *invalidUtf8);

// CSV as COPY ... CSV writes it: NULL is an empty field, the empty string a quoted one ("");
// quoted (inner quotes doubled) when holding the delimiter, a quote, CR or LF; csvLine quotes
// \. when it is a line's only field (it would read as the end of the data).
QByteArray csvField(const std::optional<QByteArray> &value);
QByteArray csvLine(const std::vector<std::optional<QByteArray>> &cells);
// COPY's text format: NULL is \N; backslash, and the control characters BS, FF, LF, CR, TAB
// and VT are written \\, \b, \f, \n, \r, \t, \v, so a row is one line and a tab always
// separates fields.
QByteArray textField(const std::optional<QByteArray> &value);
QByteArray textLine(const std::vector<std::optional<QByteArray>> &cells);
// The same lines appended to `out` from views of the values: no copy per value (a long
// result is printed this way).
void appendCsvLine(QByteArray &out, const std::vector<std::optional<QByteArrayView>> &cells);
void appendTextLine(QByteArray &out, const std::vector<std::optional<QByteArrayView>> &cells);
std::vector<std::optional<QByteArray>> headerCells(const QStringList &names);

} // namespace statescope::browse::resultformat
