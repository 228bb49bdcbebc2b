"""The head of a notice: its title, number, recipients, notice paragraphs, signature and date."""
import re

from generator.importer.lines import full_width, numbered

DOCUMENT_NUMBER = re.compile(r"^(\S+?)[〔\[［(（【](\d{4})[〕\]］)）】](\d+)号$")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
# "（此件公开发布）": how widely the document may be published, printed below its date
PUBLIC = re.compile(r"^[（(]此件.{1,10}[）)]$")
PUBLISHED = re.compile(r"发布时间[:：]\s*(\d{4}-\d{2}-\d{2}(?: \d{1,2}:\d{2})?)")


def metadata(lines: list, draft) -> tuple[int, int]:
    """The notice's head: title, number, recipients, paragraphs, signature and date.

    Returns where the plan's body starts and ends."""
    document = draft.document
    texts = [line for _, line in lines]
    end = len(texts)
    if not texts:
        return 0, 0
    number_at = next((i for i, line in enumerate(texts) if DOCUMENT_NUMBER.match(line)), None)
    title_at = next((i for i, line in enumerate(texts) if line.endswith("通知")), None)
    title_lines = {title_at}
    if title_at is None and number_at:
        # an opinion issued on its own: its title, broken over lines, stands above its number
        document["title"] = draft.plan["title"] = full_width("".join(texts[:number_at]))
        title_lines = set(range(number_at))
    elif title_at is None and number_at is None and not re.search(r"[：:，,。]", texts[0]):
        draft.plan["title"] = full_width(texts[0])  # the plan's text alone, under its title
        return 1, end
    elif title_at is not None:
        first = title_at
        # a title broken over lines: the lines above it that are not the web page's own
        while first > 0 and len(texts[first - 1]) > 10 and \
                not re.search(r"[：:，,。]", texts[first - 1]):
            first -= 1
        document["title"] = full_width("".join(texts[first: title_at + 1]))
        title_lines = set(range(first, title_at + 1))
        if first > 0 and len(texts[0]) <= 10 and not re.search(r"[：:，,。]", texts[0]):
            document["column"] = texts[0]  # the web page's column, above the title
            title_lines.add(0)
    for i, line in enumerate(texts[: number_at or 0]):
        published = PUBLISHED.search(line)
        if published:
            document["published"] = published.group(1)
        if i not in title_lines:
            draft.unplaced.append(lines[i])  # the web page's own lines around the document
    if number_at is None:
        return (title_at or -1) + 1, end
    code, year, serial = DOCUMENT_NUMBER.match(texts[number_at]).groups()
    document["number"] = f"{code}〔{year}〕{serial}号"
    start = number_at + 1
    if start < len(texts) and texts[start].endswith((":", "：")):
        document["recipients"] = full_width(texts[start])
        start += 1
    date_at = next((i for i in range(start, len(texts)) if DATE.match(texts[i])), None)
    if date_at is None:
        return start, end
    if any(numbered(full_width(line)) for line in texts[start: date_at - 1]):
        # signed and dated at its end: the text above is the plan itself
        document["issuer"] = document["signature"] = full_width(texts[date_at - 1])
        document["written"] = texts[date_at]
        draft.unplaced += lines[date_at + 1:]
        return start, date_at - 1
    document["notice"] = [full_width(line) for line in texts[start: date_at - 1]]
    document["issuer"] = document["signature"] = full_width(texts[date_at - 1])
    document["written"] = texts[date_at]
    if date_at + 1 < len(texts) and PUBLIC.match(texts[date_at + 1]):
        draft.unplaced.append(lines[date_at + 1])  # a mark for the reader, not the plan's title
        date_at += 1
    after = numbered(full_width(texts[date_at + 1])) if date_at + 1 < len(texts) else None
    if date_at + 1 < len(texts) and not (after and after[0] == 0):
        draft.plan["title"] = full_width(texts[date_at + 1])
        return date_at + 2, end
    return date_at + 1, end
