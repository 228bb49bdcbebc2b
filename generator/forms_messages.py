"""Every Chinese text of the year's loop (the units' forms, their import, the draft report) in
one place, for the maintainers of a Chinese city's office and the units they write to; a later
gettext pass finds them here. Placeholders are str.format names."""

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
FORMS_WRITTEN = "{folder}：已生成 {count} 个单位的填报表（{year}年度，{number}）"
FORM_WRITTEN = "  {file}：{unit}，{tasks} 项任务"
COLLECTIVE_SKIPPED = "  未生成（集体称谓，不是一个可报送的单位）：{units}"
NO_PLAN_OF_YEAR = "{data}：没有 {year} 年度的计划；已有的年度：{years}"
FOLDER_NOT_EMPTY = "{folder}：已有填报表 {file}；请换一个空文件夹，以免覆盖已发出的表格"
NO_FORMS = "{folder}：没有找到 .xlsx 填报表"
IMPORT_FAILED = "共 {errors} 处错误；{folder}/progress/ 未改动"
IMPORT_UNIT = "  {unit}（{file}）：新增 {added} 条，已有 {skipped} 条跳过，未填 {empty} 行"
IMPORT_DONE = "{file}：新增 {added} 条进展，{skipped} 条已有而跳过"
REPORT_WRITTEN = "{docx}、{markdown}：{year}年度报告草稿，引用进展 {entries} 条"
REPORT_NOT_DOCX = "{file}：报告的文件名应以 .docx 结尾"
CELL_ERROR = "{file}:{sheet}!{cell}: 错误：{message}"
FILE_ERROR = "{file}: 错误：{message}"
ROW_LABEL = "任务（{numeral}）"

# --- what is wrong with a returned form ----------------------------------------------------
NOT_XLSX_XLS = "这是旧版 Excel 97-2003（.xls）文件，不是 .xlsx；请用 Excel 或 WPS 另存为 .xlsx 后再报送"
NOT_XLSX_TEXT = "这是文本文件（如 CSV），不是 .xlsx 工作簿；请使用下发的填报表"
NOT_XLSX = "不是 .xlsx 工作簿（应为 zip 格式）；请使用下发的填报表"
NOT_XLSX_ZIP = "是 zip 文件但不是 .xlsx 工作簿（缺少 xl/workbook.xml）；请使用下发的填报表"
BROKEN_ZIP = "文件已损坏，无法读取（{reason}）；请重新保存后报送"
TOO_LARGE_FILE = "文件有 {size}，填报表不超过 {limit}；请使用下发的填报表"
TOO_MANY_PARTS = "工作簿内含 {count} 个部件，填报表不超过 {limit} 个；请使用下发的填报表"
TOO_LARGE_PART = "工作簿内的 {part} 解压后有 {size}，超过上限 {limit}（可能是压缩炸弹）；未打开"
TOO_LARGE_TOTAL = "工作簿解压后共 {size}，超过上限 {limit}（可能是压缩炸弹）；未打开"
UNREADABLE = "无法读取工作簿（{reason}）；请用 Excel 或 WPS 重新保存为 .xlsx"
NO_TASK_SHEET = "没有名为“{sheet}”的工作表（有：{found}）；请使用下发的填报表，不要更改工作表名称"
TOO_MANY_ROWS = "填报表只有 {rows} 行任务，从第 {row} 行起不应再有内容；请勿增加行"
FORMULA = "单元格是公式 {formula}，不计算、按文字读取；请直接填写内容"
HEADER_CHANGED = "表头被修改：应为“{expected}”，现为“{found}”"
UNKNOWN_UNIT = "填报单位“{unit}”不是 {year} 年度计划中有任务的单位；这是别的单位或别的计划的表格"
OTHER_UNITS_FORM = "这是{actual}的填报表，填报单位却写作“{unit}”；请使用本单位的表格"
SAME_UNIT_TWICE = "{unit}的填报表出现两次（另见 {other}）；每个单位只导入一份"
OTHER_YEAR = "这是 {found} 年度的填报表，本次导入的是 {year} 年度"
NO_PLAN_FOR_FORM = "这是 {found} 年度的填报表，但没有该年度的计划"
OTHER_NUMBER = "发文字号应为 {expected}，现为“{found}”；这是别的计划的表格"
TASK_CHANGED = "任务栏被修改：应为“{expected}”，现为“{found}”；请勿修改灰色栏目"
STATUS_NOT_LISTED = "状态“{found}”不在下拉列表中；应为 {statuses} 之一"
DATE_NOT_DATE = "日期“{found}”不是日期；请写作 {example}"
DATE_AFTER = "日期 {date} 晚于 {last}（{why}）；请填写 {first} 至 {last} 之间的日期"
WHY_YEAR_END = "本年度的最后一天"
WHY_TODAY = "今天"
TEXT_NOT_TEXT = "应填文字，现为 {found}"
ALREADY_OTHERWISE = "该任务、日期、单位已记入 {file} 第 {line} 行，但内容不同；已记入的进展不修改，新的进展请写新的日期"

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
