#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

// An error that travels from the database layer to the edge (dialog, banner, stderr),
// where `message` is shown as it is: one sentence, never containing a password.
struct QueryError
{
    enum class Kind {
        Connection, // could not connect, or the connection was lost
        Query, // the server rejected a statement
        Cancelled, // the user (or a newer request) cancelled it
        Schema, // the table is missing or is not Hindsight's audit table
        Usage, // the request itself is invalid (bad cursor, bad time)
    };

    Kind kind = Kind::Query;
    QString message;
    QString sqlState; // PostgreSQL's SQLSTATE when the server sent one

    static QueryError connection(QString message)
    {
        return { Kind::Connection, std::move(message), {} };
    }
    static QueryError query(QString message, QString sqlState = {})
    {
        return { Kind::Query, std::move(message), std::move(sqlState) };
    }
    static QueryError cancelled()
    {
        return { Kind::Cancelled,
            QCoreApplication::translate("QueryError", "The query was cancelled."), {} };
    }
    static QueryError schema(QString message, QString sqlState = {})
    {
        return { Kind::Schema, std::move(message), std::move(sqlState) };
    }
    // The audit table is not in its schema (the SQLSTATE PostgreSQL uses, undefined_table).
    static QueryError missingTable(QString message)
    {
        return schema(std::move(message), QStringLiteral("42P01"));
    }
    bool isMissingTable() const
    {
        return kind == Kind::Schema && sqlState == QLatin1String("42P01");
    }
    static QueryError usage(QString message) { return { Kind::Usage, std::move(message), {} }; }
};

// A value or the QueryError that prevented it (an `expected` for C++20).
template <typename T> class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(QueryError error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    // Named as std::optional names it, so Result reads like one.
    T value_or(T fallback) const & // NOLINT(readability-identifier-naming)
    {
        return ok() ? value() : std::move(fallback);
    }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const QueryError &error() const { return std::get<QueryError>(m_state); }

private:
    std::variant<T, QueryError> m_state;
};
