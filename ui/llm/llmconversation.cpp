#include "llmconversation.h"

#include "jsonprettyprinter.h"
#include "jsontreeindex.h"

#include <QRegularExpression>

#include <functional>

#include <limits>
#include <vector>

namespace {

using JsonTreeIndex::Kind;
using JsonTreeIndex::Node;

// A JSON text with its node table and each container's children.
class IndexedJson
{
public:
    explicit IndexedJson(QString text)
        : m_text(std::move(text))
    {
        m_valid = JsonTreeIndex::build(m_text, m_nodes) && !m_nodes.empty();
        if (!m_valid) {
            return;
        }
        m_children.resize(m_nodes.size());
        for (size_t i = 1; i < m_nodes.size(); ++i) {
            m_children[size_t(m_nodes[i].parent)].push_back(int(i));
        }
    }

    bool isValid() const { return m_valid; }
    const QString &text() const { return m_text; }
    const Node &node(int id) const { return m_nodes[size_t(id)]; }
    const std::vector<int> &children(int id) const { return m_children[size_t(id)]; }

    QString key(int id) const
    {
        const Node &n = node(id);
        if (n.keyStart < 0) {
            return {};
        }
        return decode(QStringView(m_text).mid(n.keyStart, n.keyEnd - n.keyStart));
    }
    // The member `name` of object `id`, or -1.
    int member(int id, QLatin1StringView name) const
    {
        for (int child : children(id)) {
            if (key(child) == name) {
                return child;
            }
        }
        return -1;
    }
    QStringView token(int id) const
    {
        const Node &n = node(id);
        return QStringView(m_text).mid(n.start, n.end - n.start);
    }
    // A string decoded; any other value pretty-printed exactly as stored.
    QString textOf(int id) const
    {
        if (node(id).kind == Kind::String) {
            return decode(token(id));
        }
        return JsonPrettyPrinter(2).format(token(id)).text;
    }

    static QString decode(QStringView quoted)
    {
        return JsonTreeIndex::decodeString(
            quoted.mid(1, quoted.size() - 2), std::numeric_limits<qsizetype>::max());
    }

private:
    QString m_text;
    bool m_valid = false;
    std::vector<Node> m_nodes;
    std::vector<std::vector<int>> m_children;
};

// Masks text taken from a document: a JSON text, or a decoded string as text.
using Mask = std::function<QString(const QString &)>;

QString unchanged(const QString &text)
{
    return text;
}

// A message's content: a string, or a list of parts of which {type: text} ones are text. A
// string is masked as text, so that a key in a prompt hides the key, not the whole prompt;
// anything else as JSON.
QString contentText(
    const IndexedJson &json, int content, const Mask &maskText, const Mask &maskJson)
{
    const auto asJson = [&](int id) {
        return JsonPrettyPrinter(2).format(QStringView(maskJson(json.token(id).toString()))).text;
    };
    switch (json.node(content).kind) {
    case Kind::Null:
        return {};
    case Kind::String:
        return maskText(json.textOf(content));
    case Kind::Array:
        break;
    default:
        return asJson(content);
    }
    QStringList parts;
    for (int part : json.children(content)) {
        const int text = json.node(part).kind == Kind::Object
            ? json.member(part, QLatin1StringView("text"))
            : -1;
        const int type = json.node(part).kind == Kind::Object
            ? json.member(part, QLatin1StringView("type"))
            : -1;
        const bool textPart = text >= 0 && json.node(text).kind == Kind::String
            && (type < 0 || json.textOf(type) == QLatin1String("text"));
        parts.append(textPart                          ? maskText(json.textOf(text))
                : json.node(part).kind == Kind::String ? maskText(json.textOf(part))
                                                       : asJson(part));
    }
    return parts.join(QStringLiteral("\n\n"));
}

// Whether the root is a list of objects that look like messages (a role or a content each).
bool isMessageList(const IndexedJson &json)
{
    if (json.node(0).kind != Kind::Array || json.children(0).empty()) {
        return false;
    }
    for (int message : json.children(0)) {
        if (json.node(message).kind != Kind::Object
            || (json.member(message, QLatin1StringView("role")) < 0
                && json.member(message, QLatin1StringView("content")) < 0)) {
            return false;
        }
    }
    return true;
}

// Message `id` of `json`: its content by contentText(), its role and other members read from
// the message masked as JSON without its content (key rules need the member's key).
LlmMessage messageOf(const IndexedJson &json, int id, const Mask &maskText, const Mask &maskJson)
{
    LlmMessage message;
    const int content = json.member(id, QLatin1StringView("content"));
    QString rest = json.token(id).toString();
    if (content >= 0) {
        const qsizetype from = json.node(content).start - json.node(id).start;
        rest.replace(
            from, json.node(content).end - json.node(content).start, QStringLiteral("null"));
        message.text = contentText(json, content, maskText, maskJson);
    }
    const IndexedJson masked(maskJson(rest));
    if (!masked.isValid()) {
        return message;
    }
    QStringList extras;
    for (int member : masked.children(0)) {
        const QString key = masked.key(member);
        if (key == QLatin1String("role")) {
            message.role = masked.textOf(member);
        } else if (key != QLatin1String("content")) {
            extras.append(key + QStringLiteral(": ") + masked.textOf(member));
        }
    }
    if (!extras.isEmpty()) {
        if (!message.text.isEmpty()) {
            extras.prepend(message.text);
        }
        message.text = extras.join(QStringLiteral("\n\n"));
    }
    return message;
}

qint64 codePoints(const QString &text)
{
    qint64 count = 0;
    for (const QChar c : text) {
        count += c.isLowSurrogate() ? 0 : 1;
    }
    return count;
}

// `text` masked, counting what was hidden and revealed into `conversation`.
QString maskInto(
    LlmConversation &conversation, const QString &text, const SecretMasker &masker, bool revealAll)
{
    RevealedValues revealed;
    revealed.all = revealAll;
    std::vector<MaskedValue> values;
    QString masked = masker.mask(text, revealed, &values);
    for (const MaskedValue &value : values) {
        (value.revealed ? conversation.revealedCount : conversation.maskedCount) += 1;
    }
    return masked;
}

// The start of a JSON text cut anywhere, re-indented as far as it is valid and the rest as
// it is.
QString prettyStart(const QString &text)
{
    const JsonFormatResult pretty = JsonPrettyPrinter(2).format(QStringView(text));
    if (pretty.ok || pretty.errorOffset < 0) {
        return pretty.ok ? pretty.text : text;
    }
    return pretty.text + text.mid(pretty.errorOffset);
}

// The start of a JSON text cut anywhere, completed: an open string closed (a cut escape
// dropped), a trailing comma dropped, open containers closed. A cut between a key and its
// value stays invalid.
QString closedJson(const QString &cut)
{
    std::vector<QChar> open;
    bool inString = false;
    for (qsizetype i = 0; i < cut.size(); ++i) {
        const QChar c = cut.at(i);
        if (inString) {
            if (c == QLatin1Char('\\')) {
                ++i;
            } else if (c == QLatin1Char('"')) {
                inString = false;
            }
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('[') || c == QLatin1Char('{')) {
            open.push_back(c);
        } else if ((c == QLatin1Char(']') || c == QLatin1Char('}')) && !open.empty()) {
            open.pop_back();
        }
    }
    QString text = cut;
    if (inString) {
        static const QRegularExpression cutEscape(QStringLiteral("\\\\(u[0-9A-Fa-f]{0,3})?$"));
        const QRegularExpressionMatch escape = cutEscape.match(text);
        if (escape.hasMatch()) {
            text.chop(escape.capturedLength());
        }
        text += QLatin1Char('"');
    }
    while (!text.isEmpty() && (text.back().isSpace() || text.back() == QLatin1Char(','))) {
        text.chop(1);
    }
    for (auto it = open.crbegin(); it != open.crend(); ++it) {
        text += *it == QLatin1Char('[') ? QLatin1Char(']') : QLatin1Char('}');
    }
    return text;
}

QStringList stringsOf(const IndexedJson &json, int id)
{
    QStringList values;
    if (id < 0) {
        return values;
    }
    if (json.node(id).kind != Kind::Array) {
        values.append(json.textOf(id));
        return values;
    }
    for (int child : json.children(id)) {
        values.append(json.textOf(child));
    }
    return values;
}

} // namespace

LlmConversation LlmConversation::plainText(
    const std::optional<QString> &text, const SecretMasker &masker, bool revealAll)
{
    LlmConversation conversation;
    if (text) {
        conversation.shape = Shape::Text;
        conversation.text = maskInto(conversation, *text, masker, revealAll);
    }
    return conversation;
}

LlmCallLinks LlmCallLinks::read(
    const std::optional<QString> &metadata, const SecretMasker &masker, bool revealAll)
{
    LlmCallLinks links;
    if (!metadata) {
        return links;
    }
    LlmConversation counts;
    const IndexedJson json(maskInto(counts, *metadata, masker, revealAll));
    if (!json.isValid() || json.node(0).kind != Kind::Object) {
        return links;
    }
    const int document = json.member(0, QLatin1StringView("document_id"));
    if (document >= 0 && json.node(document).kind != Kind::Null) {
        links.documentId = json.textOf(document);
    }
    links.memoryIds = stringsOf(json, json.member(0, QLatin1StringView("memory_ids")));
    links.sourceMemoryIds = stringsOf(json, json.member(0, QLatin1StringView("source_memory_ids")));
    return links;
}

LlmConversation LlmConversation::read(
    const std::optional<QString> &input, const SecretMasker &masker, bool revealAll)
{
    LlmConversation conversation;
    if (!input) {
        return conversation;
    }
    const Mask mask
        = [&](const QString &text) { return maskInto(conversation, text, masker, revealAll); };

    // Hindsight's marker for a cut input: the preview is the start of the list's JSON text,
    // masked as such (a string holding a key would otherwise be hidden as a whole).
    const IndexedJson stored(*input);
    if (stored.isValid() && stored.node(0).kind == Kind::Object) {
        const int truncated = stored.member(0, QLatin1StringView("_truncated"));
        const int preview = stored.member(0, QLatin1StringView("preview"));
        const int original = stored.member(0, QLatin1StringView("_original_chars"));
        if (truncated >= 0 && stored.node(truncated).kind == Kind::True && preview >= 0
            && stored.node(preview).kind == Kind::String) {
            const QString previewText = stored.textOf(preview);
            conversation.shape = Shape::Truncated;
            conversation.keptChars = codePoints(previewText);
            conversation.originalChars
                = original >= 0 ? stored.token(original).toLongLong() : qint64(0);
            const QString masked = mask(previewText);
            // Cut in a message list: the messages up to the cut, the last one cut short.
            const IndexedJson closed(closedJson(masked));
            if (closed.isValid() && isMessageList(closed)) {
                // Masked as a whole already (the cut may fall into a secret); its strings
                // are masked as text too, as in a whole list.
                for (int message : closed.children(0)) {
                    conversation.messages.append(messageOf(closed, message, mask, unchanged));
                }
            } else {
                conversation.text = prettyStart(masked);
            }
            return conversation;
        }
    }

    if (stored.isValid() && isMessageList(stored)) {
        conversation.shape = Shape::Messages;
        // A decoded string goes to the same masker as text (the masker reads text that is
        // not JSON by its best-effort rules, and a string that holds JSON as JSON).
        for (int message : stored.children(0)) {
            conversation.messages.append(messageOf(stored, message, mask, mask));
        }
        return conversation;
    }
    const IndexedJson json(mask(*input));
    conversation.shape = Shape::Text;
    conversation.text = json.isValid() ? json.textOf(0) : json.text();
    return conversation;
}
