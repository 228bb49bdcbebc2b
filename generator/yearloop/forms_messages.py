"""Every text of the year's loop (the units' forms, their import, the draft report) in one place.

What the units and the report's readers see (the forms, the draft report) is Chinese, always.
What the maintainer reads in the terminal is a gettext message (N_ marks it; the code translates
it with _() where it is printed): Chinese by default, English with LANGUAGE=en. Placeholders are
str.format names."""
from generator.i18n import N_

# --- the form ------------------------------------------------------------------------------
TASK_SHEET = "进展填报"
GUIDE_SHEET = "填写说明"
FORM_TITLE = "{plan}：任务进展填报表（{unit}）"
UNIT_LABEL = "填报单位"
YEAR_LABEL = "年度"
NUMBER_LABEL = "发文字号"
FORM_NOTE = "灰色栏目请勿修改；请在白色栏目填写本单位的进展，状态从下拉列表中选择。"
COLUMNS = ("编号", "任务", "本单位职责", "其他单位", "日期", "状态", "进展情况", "依据（网址）")
ROLE_LEAD = "牵头"
ROLE_RESPONSIBLE = "责任"
NO_OTHER_UNITS = "—"
STATUS_PROMPT_TITLE = "状态"
STATUS_PROMPT = "请从列表中选择：{statuses}"
STATUS_ERROR = "状态只能是：{statuses}"
DATE_PROMPT_TITLE = "日期"
DATE_PROMPT = "填写进展发生的日期，如 {example}；不早于 {first}，不晚于 {last}"
DATE_ERROR = "请填写 {first} 至 {last} 之间的日期"
GUIDE = (
    "填写说明",
    "",
    "1. 本表列出《{plan}》（{number}）中由{unit}牵头或负责的全部任务，每项任务一行。",
    "2. 灰色栏目（编号、任务、本单位职责、其他单位）和表头已锁定，请勿修改、增删行或更改工作表名称。",
    "3. 有进展的任务，请在该行填写四栏：",
    "   日期：进展发生的日期，写作 {example}，不早于 {first}（成文日期），不晚于 {last}；",
    "   状态：从下拉列表中选择 {statuses} 之一；",
    "   进展情况：一句话写明做了什么，不换行；",
    "   依据（网址）：已公开文件的 http:// 或 https:// 网址，可填多个，用空格或换行分隔；没有可不填。",
    "4. 本期没有进展的任务，该行四栏都留空。同一任务本期只填一行。",
    "5. 请填写文字和日期本身，不要使用公式。",
    "6. 只填写已有公开文件或书面材料可查的情况。填好后按原文件名保存为 .xlsx 并报送。",
)

# --- the command lines ---------------------------------------------------------------------
FORMS_WRITTEN = N_("{folder}: forms written for {count} units ({year}, {number})")
FORM_WRITTEN = N_("  {file}: {unit}, {tasks} task(s)")
COLLECTIVE_SKIPPED = N_("  not written (collective phrases, not a unit that can report): {units}")
NO_PLAN_OF_YEAR = N_("{data}: there is no plan of {year}; the years there are: {years}")
FOLDER_NOT_EMPTY = N_("{folder}: holds the form {file} already; choose an empty folder, so that no form already sent out is written over")
NO_FORMS = N_("{folder}: no .xlsx form found")
IMPORT_FAILED = N_("{errors} error(s); {folder}/progress/ was not changed")
IMPORT_UNIT = N_("  {unit} ({file}): {added} added, {skipped} already there and skipped, {empty} row(s) left empty")
IMPORT_DONE = N_("{file}: {added} progress entries added, {skipped} already there and skipped")
REPORT_WRITTEN = N_("{docx}, {markdown}: the draft report of {year}, citing {entries} progress entries")
REPORT_NOT_DOCX = N_("{file}: the report's file name must end in .docx")
CELL_ERROR = N_("{file}:{sheet}!{cell}: error: {message}")
FILE_ERROR = N_("{file}: error: {message}")
ROW_LABEL = N_("task （{numeral}）")

# --- what is wrong with a returned form ----------------------------------------------------
NOT_XLSX_XLS = N_("this is an old Excel 97-2003 (.xls) file, not .xlsx; save it as .xlsx in Excel or WPS and send it again")
NOT_XLSX_TEXT = N_("this is a text file (such as CSV), not an .xlsx workbook; use the form that was sent out")
NOT_XLSX = N_("not an .xlsx workbook (which is a zip file); use the form that was sent out")
NOT_XLSX_ZIP = N_("a zip file but not an .xlsx workbook (it has no xl/workbook.xml); use the form that was sent out")
BROKEN_ZIP = N_("the file is damaged and cannot be read ({reason}); save it again and send it again")
TOO_LARGE_FILE = N_("the file is {size}, and a form is at most {limit}; use the form that was sent out")
TOO_MANY_PARTS = N_("the workbook holds {count} parts, and a form at most {limit}; use the form that was sent out")
TOO_LARGE_PART = N_("the workbook's part {part} unpacks to {size}, over the limit of {limit} (it may be a zip bomb); not opened")
TOO_LARGE_TOTAL = N_("the workbook unpacks to {size} in all, over the limit of {limit} (it may be a zip bomb); not opened")
UNREADABLE = N_("the workbook cannot be read ({reason}); save it again as .xlsx in Excel or WPS")
NO_TASK_SHEET = N_("there is no sheet named '{sheet}' (there are: {found}); use the form that was sent out, without renaming its sheets")
TOO_MANY_ROWS = N_("the form has {rows} task rows; nothing may stand from row {row} on: do not add rows")
FORMULA = N_("the cell holds the formula {formula}, which is read as text, never calculated; write the content itself")
HEADER_CHANGED = N_("the header was changed: it should be '{expected}', and is '{found}'")
UNKNOWN_UNIT = N_("the unit '{unit}' has no tasks in the plan of {year}; this is another unit's or another plan's form")
OTHER_UNITS_FORM = N_("this is the form of {actual}, but the unit is written as '{unit}'; use your own unit's form")
SAME_UNIT_TWICE = N_("the form of {unit} is given twice (see also {other}); one form a unit is imported")
OTHER_YEAR = N_("this is a form of {found}, and this import is of {year}")
NO_PLAN_FOR_FORM = N_("this is a form of {found}, but there is no plan of that year")
OTHER_NUMBER = N_("the 发文字号 should be {expected}, and is '{found}'; this is another plan's form")
TASK_CHANGED = N_("the task column was changed: it should be '{expected}', and is '{found}'; do not change the grey columns")
STATUS_NOT_LISTED = N_("the status '{found}' is not in the drop-down list; it should be one of {statuses}")
DATE_NOT_DATE = N_("the date '{found}' is not a date; write it as {example}")
DATE_AFTER = N_("the date {date} is after {last} ({why}); write a date from {first} to {last}")
WHY_YEAR_END = N_("the last day of the year")
WHY_TODAY = N_("today")
TEXT_NOT_TEXT = N_("text is expected here, and it is {found}")
ALREADY_OTHERWISE = N_("this task, date and unit are recorded at line {line} of {file} already, in other words; a recorded entry is not changed: write new progress with a new date")

# --- the draft report ----------------------------------------------------------------------
REPORT_DRAFT = "草稿"
REPORT_DRAFT_NOTE = ("本稿由进展记录自动汇编，仅供起草年度报告参考，未经审定不得公开。"
                     "每句之后方括号中的编号指向文末“依据”所列的进展记录或计划条目；没有记录的事项不作陈述。")
REPORT_TITLE = "《{plan}》执行情况报告"
REPORT_PLAN = "一、工作安排"
REPORT_PLAN_LINE = "《{title}》（{number}），{issuer}{written}印发。"
REPORT_PLAN_TASKS = "工作安排分 {sections} 个部分，共 {tasks} 项任务。"
REPORT_COUNTS = "二、任务完成情况"
REPORT_COUNT_LINE = "{status}：{count} 项"
REPORT_NO_RECORD = "尚无进展记录"
REPORT_NO_ENTRIES = "本年度尚无进展记录。"
REPORT_SECTIONS = "三、各项任务推进情况"
REPORT_TASK = "{label}{title}（当前状态：{status}）"
REPORT_TASK_NONE = "{label}{title}（尚无进展记录）"
REPORT_ENTRY = "{date}，{unit}（{status}）：{text}"
REPORT_EVIDENCE = "依据："
REPORT_BEHIND = "四、滞后和未启动的任务"
REPORT_BEHIND_NONE = "没有当前状态为滞后或未启动的任务。"
REPORT_BEHIND_LINE = "{label}{title}：{status}。{date}，{unit}：{text}"
REPORT_NEXT = "五、下一年度主要安排"
REPORT_NEXT_NONE = "{year}年度工作安排尚未录入（data/plans/{year}.yaml），待补充。"
REPORT_NEXT_PLAN = "据《{title}》（{number}），{year}年度安排 {tasks} 项任务："
REPORT_NEXT_SECTION = "{label}{title}"
REPORT_NEXT_TASK = "{label}{title}"
REPORT_SOURCES = "依据"
REPORT_SOURCE_ENTRY = "{file}:{line}，进展第 {n} 条：{date} {unit} {status}"
REPORT_SOURCE_PLAN = "{file}:{line}，{what}"
REPORT_SOURCE_DOCUMENT = "计划文件的公文信息"
REPORT_SOURCE_TASKS = "计划文件的部分和任务"
REPORT_FONT = "宋体"  # the body font of a Chinese government document
