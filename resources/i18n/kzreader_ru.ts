<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AcrossController</name>
    <message>
        <source>No interviews are open.</source>
        <translation>Нет открытых интервью.</translation>
    </message>
    <message>
        <source>No exchange carries this theme.</source>
        <translation>Ни один ответ не относится к этой теме.</translation>
    </message>
    <message>
        <source>Type words to find and press Enter.</source>
        <translation>Введите слова для поиска и нажмите Enter.</translation>
    </message>
    <message>
        <source>No exchange matches “{0}”.</source>
        <translation>Ничего не найдено по запросу «{0}».</translation>
    </message>
    <message>
        <source>Open a question in the reading pane first.</source>
        <translation>Сначала откройте вопрос в области чтения.</translation>
    </message>
    <message>
        <source>Choose a question to follow through the corpus: Go ▸ Similar Questions while reading it.</source>
        <translation>Выберите вопрос, чтобы проследить его по всем интервью: «Переход ▸ Похожие вопросы» во время чтения.</translation>
    </message>
    <message>
        <source>Like question {0} of {1}: {2}</source>
        <translation>Похожие на вопрос {0} из «{1}»: {2}</translation>
    </message>
    <message>
        <source>Comparing the questions of {0} interviews…</source>
        <translation>Сравниваем вопросы {0} интервью…</translation>
    </message>
    <message>
        <source>No similar questions in this collection</source>
        <translation>В этой коллекции нет похожих вопросов</translation>
    </message>
    <message>
        <source>The question followed</source>
        <translation>Исходный вопрос</translation>
    </message>
    <message>
        <source>Similar questions in other interviews</source>
        <translation>Похожие вопросы в других интервью</translation>
    </message>
    <message>
        <source>Open some interviews first.</source>
        <translation>Сначала откройте интервью.</translation>
    </message>
    <message>
        <source>Export REFI-QDA Project</source>
        <translation>Экспорт проекта REFI-QDA</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>Проекты REFI-QDA (*.qdpx)</translation>
    </message>
</context>
<context>
    <name>AcrossView</name>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Similar questions</source>
        <translation>Похожие вопросы</translation>
    </message>
    <message>
        <source>Read across by</source>
        <translation>Читать подборку по</translation>
    </message>
    <message>
        <source>Words to find in every interview</source>
        <translation>Слова для поиска во всех интервью</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Слова для поиска</translation>
    </message>
    <message>
        <source>By interview</source>
        <translation>По интервью</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>По дате</translation>
    </message>
    <message>
        <source>By interviewee</source>
        <translation>По собеседнику</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <source>Exchanges from every interview</source>
        <translation>Вопросы и ответы из всех интервью</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message numerus="yes">
        <source>%n exchange</source>
        <translation>
            <numerusform>%n вопрос</numerusform>
            <numerusform>%n вопроса</numerusform>
            <numerusform>%n вопросов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exchanges</source>
        <translation>
            <numerusform>%n вопрос</numerusform>
            <numerusform>%n вопроса</numerusform>
            <numerusform>%n вопросов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n interview</source>
        <translation>
            <numerusform>в %n интервью</numerusform>
            <numerusform>в %n интервью</numerusform>
            <numerusform>в %n интервью</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n interviews</source>
        <translation>
            <numerusform>в %n интервью</numerusform>
            <numerusform>в %n интервью</numerusform>
            <numerusform>в %n интервью</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Показывать нечего.</translation>
    </message>
    <message>
        <source>(interviewee not found)</source>
        <translation>(собеседник не найден)</translation>
    </message>
    <message>
        <source>Question {0} of {1}</source>
        <translation>Вопрос {0} из {1}</translation>
    </message>
    <message>
        <source>Open in interview</source>
        <translation>Открыть в интервью</translation>
    </message>
</context>
<context>
    <name>AcrossWindow</name>
    <message>
        <source>Read Across Interviews — kzreader</source>
        <translation>Чтение по всем интервью — kzreader</translation>
    </message>
    <message>
        <source>&amp;Bookmark Selection</source>
        <translation>Добавить в &amp;закладки</translation>
    </message>
    <message>
        <source>Copy as &amp;Quote</source>
        <translation>Копировать как &amp;цитату</translation>
    </message>
    <message>
        <source>Copy &amp;Exchange</source>
        <translation>Копировать &amp;вопрос и ответ</translation>
    </message>
    <message>
        <source>&amp;Open in Interview</source>
        <translation>&amp;Открыть в интервью</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Cross-reading toolbar</source>
        <translation>Панель чтения по всем интервью</translation>
    </message>
</context>
<context>
    <name>BookmarkEditDialog</name>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Жёлтый</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Розовый</translation>
    </message>
    <message>
        <source>Edit bookmark</source>
        <translation>Изменить закладку</translation>
    </message>
    <message>
        <source>comma-separated, e.g. economy, energy</source>
        <translation>через запятую, например: экономика, энергетика</translation>
    </message>
    <message>
        <source>Quote:</source>
        <translation>Цитата:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Метки:</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Цвет:</translation>
    </message>
</context>
<context>
    <name>BookmarksController</name>
    <message>
        <source>Bookmarks</source>
        <translation>Закладки</translation>
    </message>
    <message>
        <source>Select some text to bookmark.</source>
        <translation>Выделите текст, чтобы добавить закладку.</translation>
    </message>
    <message>
        <source>The file has changed on disk; reload it before bookmarking.</source>
        <translation>Файл изменился на диске; перезагрузите его, прежде чем добавлять закладку.</translation>
    </message>
    <message>
        <source>Bookmark added.</source>
        <translation>Закладка добавлена.</translation>
    </message>
    <message>
        <source>Select the passage in the reading pane first.</source>
        <translation>Сначала выделите фрагмент в области чтения.</translation>
    </message>
    <message>
        <source>The interview of this bookmark is not loaded.</source>
        <translation>Интервью этой закладки не загружено.</translation>
    </message>
    <message numerus="yes">
        <source>%n bookmark(s) followed this file from {0}</source>
        <translation>
            <numerusform>%n закладка перешла вслед за этим файлом из {0}</numerusform>
            <numerusform>%n закладки перешли вслед за этим файлом из {0}</numerusform>
            <numerusform>%n закладок перешли вслед за этим файлом из {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bookmark(s) followed their files to a new place.</source>
        <translation>
            <numerusform>%n закладка перешла вслед за своим файлом на новое место.</numerusform>
            <numerusform>%n закладки перешли вслед за своими файлами на новое место.</numerusform>
            <numerusform>%n закладок перешли вслед за своими файлами на новое место.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bookmarks: {0}</source>
        <translation>Закладки: {0}</translation>
    </message>
    <message>
        <source>Undone: {0}</source>
        <translation>Отменено: {0}</translation>
    </message>
    <message>
        <source>Redone: {0}</source>
        <translation>Повторено: {0}</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Add bookmark</source>
        <translation>Добавить закладку</translation>
    </message>
    <message>
        <source>Edit bookmark</source>
        <translation>Изменить закладку</translation>
    </message>
    <message>
        <source>Delete bookmark</source>
        <translation>Удалить закладку</translation>
    </message>
    <message>
        <source>Delete %1 bookmarks</source>
        <translation>Удалить закладки: %1</translation>
    </message>
    <message>
        <source>Re-attach bookmark</source>
        <translation>Перепривязать закладку</translation>
    </message>
    <message>
        <source>Search quotes and notes</source>
        <translation>Поиск по цитатам и заметкам</translation>
    </message>
    <message>
        <source>Search bookmarks</source>
        <translation>Поиск по закладкам</translation>
    </message>
    <message>
        <source>Show bookmarks with this tag</source>
        <translation>Показать закладки с этой меткой</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Show bookmarks of this interview</source>
        <translation>Показать закладки этого интервью</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Порядок сортировки</translation>
    </message>
    <message>
        <source>By position</source>
        <translation>По месту в тексте</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Закладки</translation>
    </message>
    <message>
        <source>Bookmarks that need review</source>
        <translation>Закладки, требующие проверки</translation>
    </message>
    <message>
        <source>Re-attach to selection</source>
        <translation>Привязать к выделенному</translation>
    </message>
    <message>
        <source>Point this bookmark at the text selected in the reading pane</source>
        <translation>Привязать закладку к тексту, выделенному в области чтения</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the selected bookmarks with their citations</source>
        <translation>Скопировать выбранные закладки со ссылками на источник</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Export all bookmarks…</source>
        <translation>Экспортировать все закладки…</translation>
    </message>
    <message>
        <source>Export selected bookmarks…</source>
        <translation>Экспортировать выбранные закладки…</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>интервью</translation>
    </message>
    <message>
        <source>interviewee</source>
        <translation>собеседник</translation>
    </message>
    <message>
        <source>question number</source>
        <translation>номер вопроса</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>цитата</translation>
    </message>
    <message>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>citation</source>
        <translation>ссылка</translation>
    </message>
    <message>
        <source>path</source>
        <translation>путь</translation>
    </message>
    <message>
        <source>start</source>
        <translation>начало</translation>
    </message>
    <message>
        <source>end</source>
        <translation>конец</translation>
    </message>
    <message>
        <source>created</source>
        <translation>создана</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>needs review: the passage was not found again in the current file</source>
        <translation>требует проверки: фрагмент не найден в текущей версии файла</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>HTML (*.html *.htm)</source>
        <translation>HTML (*.html *.htm)</translation>
    </message>
    <message>
        <source>Web Annotation JSON (*.jsonld *.json)</source>
        <translation>Web Annotation JSON (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>Export selected bookmarks</source>
        <translation>Экспорт выбранных закладок</translation>
    </message>
    <message>
        <source>Export bookmarks</source>
        <translation>Экспорт закладок</translation>
    </message>
    <message>
        <source>bookmarks</source>
        <translation>закладки</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Не удалось экспортировать</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <source>All interviews</source>
        <translation>Все интервью</translation>
    </message>
    <message numerus="yes">
        <source>Needs review (%n)</source>
        <translation>
            <numerusform>Требуют проверки (%n)</numerusform>
            <numerusform>Требуют проверки (%n)</numerusform>
            <numerusform>Требуют проверки (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Go to passage</source>
        <translation>Перейти к фрагменту</translation>
    </message>
    <message>
        <source>Edit note and tags…</source>
        <translation>Изменить заметку и метки…</translation>
    </message>
    <message>
        <source>Copy with citation</source>
        <translation>Копировать со ссылкой</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>Экспортировать выбранные…</translation>
    </message>
</context>
<context>
    <name>BookmarksTableModel</name>
    <message>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>Собеседник</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлена</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>Заметка: {0}</translation>
    </message>
    <message>
        <source>Tags: {0}</source>
        <translation>Метки: {0}</translation>
    </message>
    <message>
        <source>{0} · question {1}</source>
        <translation>{0} · вопрос {1}</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>the file has no text</source>
        <translation>в файле нет текста</translation>
    </message>
    <message>
        <source>this looks like a binary file, not text</source>
        <translation>похоже, это двоичный файл, а не текст</translation>
    </message>
    <message>
        <source>cannot decode: not UTF-8, cp1251 or koi8-r text</source>
        <translation>не удалось прочитать: текст не в UTF-8, cp1251 или koi8-r</translation>
    </message>
    <message>
        <source>front matter ignored: invalid YAML at line {line}</source>
        <translation>front matter пропущен: ошибка YAML в строке {line}</translation>
    </message>
    <message>
        <source>name detection failed: {error}</source>
        <translation>не удалось определить имена: {error}</translation>
    </message>
    <message>
        <source>not enough memory to load this file</source>
        <translation>недостаточно памяти, чтобы загрузить этот файл</translation>
    </message>
    <message>
        <source>no question/answer exchanges found; shown as a plain document</source>
        <translation>вопросы и ответы не найдены; файл показан как обычный документ</translation>
    </message>
    <message>
        <source>front matter ignored: not a mapping of fields</source>
        <translation>front matter пропущен: это не набор полей</translation>
    </message>
    <message>
        <source>this is an old Word .doc file or a password-protected document; save it as .docx (Word 2007 or later) to open it</source>
        <translation>это старый файл Word .doc или документ с паролем; чтобы открыть его, сохраните его как .docx (Word 2007 или новее)</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>нет такого файла или папки</translation>
    </message>
    <message>
        <source>cannot open: {reason}</source>
        <translation>не удалось открыть: {reason}</translation>
    </message>
    <message>
        <source>cannot read: {reason}</source>
        <translation>не удалось прочитать: {reason}</translation>
    </message>
    <message>
        <source>cannot open folder: {reason}</source>
        <translation>не удалось открыть папку: {reason}</translation>
    </message>
    <message>
        <source>cannot list folder: {reason}</source>
        <translation>не удалось получить список файлов папки: {reason}</translation>
    </message>
    <message>
        <source>file is too large ({size_mb} MB; the limit is {limit_mb} MB)</source>
        <translation>файл слишком велик ({size_mb} МБ; предел — {limit_mb} МБ)</translation>
    </message>
    <message>
        <source>undecodable bytes shown as � at line {line}</source>
        <translation>нечитаемые байты показаны как � в строке {line}</translation>
    </message>
    <message>
        <source>undecodable bytes shown as � at lines {lines}</source>
        <translation>нечитаемые байты показаны как � в строках {lines}</translation>
    </message>
    <message>
        <source>undecodable bytes shown as � at lines {lines} and {more} more</source>
        <translation>нечитаемые байты показаны как � в строках {lines} и ещё в {more}</translation>
    </message>
    <message>
        <source>control characters shown as � at line {line}</source>
        <translation>управляющие символы показаны как � в строке {line}</translation>
    </message>
    <message>
        <source>control characters shown as � at lines {lines}</source>
        <translation>управляющие символы показаны как � в строках {lines}</translation>
    </message>
    <message>
        <source>control characters shown as � at lines {lines} and {more} more</source>
        <translation>управляющие символы показаны как � в строках {lines} и ещё в {more}</translation>
    </message>
    <message>
        <source>metadata file {name} ignored: not a regular file</source>
        <translation>файл метаданных {name} пропущен: это не обычный файл</translation>
    </message>
    <message>
        <source>metadata file {name} ignored: not a mapping</source>
        <translation>файл метаданных {name} пропущен: это не набор полей</translation>
    </message>
    <message>
        <source>metadata file {name} ignored: {reason}</source>
        <translation>файл метаданных {name} пропущен: {reason}</translation>
    </message>
    <message>
        <source>metadata file {name} ignored: not UTF-8 text</source>
        <translation>файл метаданных {name} пропущен: текст не в UTF-8</translation>
    </message>
    <message>
        <source>metadata file {name} ignored: invalid YAML at line {line} ({problem})</source>
        <translation>файл метаданных {name} пропущен: ошибка YAML в строке {line} ({problem})</translation>
    </message>
    <message>
        <source>this is not a Word document (.docx): the file is not a valid Word package</source>
        <translation>это не документ Word (.docx): файл не является правильным пакетом Word</translation>
    </message>
    <message>
        <source>this is not a Word document (.docx): it has no document text part</source>
        <translation>это не документ Word (.docx): в нём нет части с текстом документа</translation>
    </message>
    <message>
        <source>the Word document is too large to read</source>
        <translation>документ Word слишком велик, чтобы его прочитать</translation>
    </message>
    <message>
        <source>the Word document is too large to read ({part} unpacks to {size_mb} MB)</source>
        <translation>документ Word слишком велик, чтобы его прочитать ({part} после распаковки занимает {size_mb} МБ)</translation>
    </message>
    <message>
        <source>the Word document is damaged: cannot unpack {part} ({error})</source>
        <translation>документ Word повреждён: не удалось распаковать {part} ({error})</translation>
    </message>
    <message>
        <source>the Word document is damaged: {part} is not valid XML ({error})</source>
        <translation>документ Word повреждён: {part} — неправильный XML ({error})</translation>
    </message>
    <message>
        <source>the Word document is damaged: {part} is not valid XML (cannot decode it as {encoding})</source>
        <translation>документ Word повреждён: {part} — не корректный XML (не удаётся декодировать как {encoding})</translation>
    </message>
    <message>
        <source>the Word document is refused: {part} declares a DOCTYPE or entities</source>
        <translation>документ Word отклонён: {part} объявляет DOCTYPE или сущности</translation>
    </message>
    <message>
        <source>the Word document has no text</source>
        <translation>в документе Word нет текста</translation>
    </message>
    <message>
        <source>the web page is too large to read ({size_mb} MB without scripts and styles; the limit is {limit_mb} MB)</source>
        <translation>веб-страница слишком велика ({size_mb} МБ без скриптов и стилей; предел — {limit_mb} МБ)</translation>
    </message>
    <message>
        <source>the web page is too large to read ({tags} tags; the limit is {limit})</source>
        <translation>веб-страница слишком велика (тегов: {tags}; предел — {limit})</translation>
    </message>
    <message>
        <source>the web page has no readable text</source>
        <translation>на веб-странице нет текста для чтения</translation>
    </message>
    <message>
        <source>this looks like a binary file, not a web page</source>
        <translation>похоже, это двоичный файл, а не веб-страница</translation>
    </message>
    <message>
        <source>internal error while parsing: {error}</source>
        <translation>внутренняя ошибка при разборе: {error}</translation>
    </message>
    <message>
        <source>loading stopped: {error}</source>
        <translation>загрузка прервана: {error}</translation>
    </message>
    <message>
        <source>Bookmarks are read-only: the folder {folder} cannot be written ({reason}).</source>
        <translation>Закладки только для чтения: в папку {folder} нельзя записывать ({reason}).</translation>
    </message>
    <message>
        <source>The bookmarks file {path} was missing; restored from backup {backup}.</source>
        <translation>Файла закладок {path} не было; закладки восстановлены из резервной копии {backup}.</translation>
    </message>
    <message>
        <source>Cannot read the bookmarks file {path}: {reason}.</source>
        <translation>Не удалось прочитать файл закладок {path}: {reason}.</translation>
    </message>
    <message>
        <source>The bookmarks file {path} was written by a newer version of kzreader (schema {schema}); it is opened read-only and will not be changed.</source>
        <translation>Файл закладок {path} записан более новой версией kzreader (схема {schema}); он открыт только для чтения и не будет изменён.</translation>
    </message>
    <message>
        <source>The bookmarks file {path} is damaged ({error}); it is left as it is and bookmarks are read-only.</source>
        <translation>Файл закладок {path} повреждён ({error}); он оставлен как есть, закладки только для чтения.</translation>
    </message>
    <message>
        <source>The bookmarks file {path} is damaged ({error}); it was kept as {aside}.</source>
        <translation>Файл закладок {path} повреждён ({error}); он сохранён как {aside}.</translation>
    </message>
    <message>
        <source>Bookmarks were restored from the backup {backup}; changes made after that backup may be missing.</source>
        <translation>Закладки восстановлены из резервной копии {backup}; изменения, сделанные после неё, могут отсутствовать.</translation>
    </message>
    <message>
        <source>{count} bookmark(s) in {path} could not be read; they are kept in the file unchanged.</source>
        <translation>Закладки в {path}, которые не удалось прочитать ({count}), сохранены в файле без изменений.</translation>
    </message>
    <message>
        <source>Bookmarks cannot be saved: {path} could not be read safely, so it is left untouched.</source>
        <translation>Закладки нельзя сохранить: файл {path} не удалось надёжно прочитать, поэтому он оставлен как есть.</translation>
    </message>
    <message>
        <source>bookmark {id} already exists</source>
        <translation>закладка {id} уже существует</translation>
    </message>
    <message>
        <source>no bookmark {id}</source>
        <translation>закладки {id} нет</translation>
    </message>
    <message>
        <source>{field} cannot be changed</source>
        <translation>поле {field} нельзя изменить</translation>
    </message>
    <message>
        <source>not installed, so search and themes match only the exact word forms (weaker results)</source>
        <translation>не установлен, поэтому поиск и темы находят слова только в точно той же форме (результаты хуже)</translation>
    </message>
    <message>
        <source>not installed, so search and themes match only the exact word forms (weaker results); install it with: {command}</source>
        <translation>не установлен, поэтому поиск и темы находят слова только в точно той же форме (результаты хуже); установите его командой: {command}</translation>
    </message>
    <message>
        <source>not installed, so Russian interviewees&apos; names are not recognised and search misses some word forms (weaker results)</source>
        <translation>не установлен, поэтому имена русскоязычных собеседников не распознаются, а поиск пропускает часть словоформ (результаты хуже)</translation>
    </message>
    <message>
        <source>not installed, so Russian interviewees&apos; names are not recognised and search misses some word forms (weaker results); install it with: {command}</source>
        <translation>не установлен, поэтому имена русскоязычных собеседников не распознаются, а поиск пропускает часть словоформ (результаты хуже); установите его командой: {command}</translation>
    </message>
    <message>
        <source>not UTF-8 text ({reason})</source>
        <translation>текст не в UTF-8 ({reason})</translation>
    </message>
    <message>
        <source>invalid YAML: {problem}</source>
        <translation>ошибка YAML: {problem}</translation>
    </message>
    <message>
        <source>expected a mapping with a &apos;themes&apos; list</source>
        <translation>ожидался набор полей со списком &apos;themes&apos;</translation>
    </message>
    <message>
        <source>unsupported lexicon version {version}</source>
        <translation>неподдерживаемая версия файла тем: {version}</translation>
    </message>
    <message>
        <source>each theme must be a mapping (id:, name_ru:, ...)</source>
        <translation>каждая тема должна быть набором полей (id:, name_ru:, ...)</translation>
    </message>
    <message>
        <source>unknown field {field}</source>
        <translation>неизвестное поле {field}</translation>
    </message>
    <message>
        <source>theme id {id} must be lower-case letters, digits and _</source>
        <translation>идентификатор темы {id} должен состоять из строчных латинских букв, цифр и _</translation>
    </message>
    <message>
        <source>theme id {id} appears twice</source>
        <translation>идентификатор темы {id} встречается дважды</translation>
    </message>
    <message>
        <source>{field} must be text</source>
        <translation>поле {field} должно быть текстом</translation>
    </message>
    <message>
        <source>{field} must be a list of text</source>
        <translation>поле {field} должно быть списком строк</translation>
    </message>
    <message>
        <source>theme {id} needs a name</source>
        <translation>у темы {id} должно быть название</translation>
    </message>
    <message>
        <source>theme {id}: colour {colour} is not #rrggbb</source>
        <translation>тема {id}: цвет {colour} не в виде #rrggbb</translation>
    </message>
    <message>
        <source>theme {id} needs at least one keyword or phrase</source>
        <translation>у темы {id} должно быть хотя бы одно ключевое слово или фраза</translation>
    </message>
    <message>
        <source>theme {id}: entry {entry} has no words</source>
        <translation>тема {id}: в записи {entry} нет слов</translation>
    </message>
    <message>
        <source>theme {id}: prefix {prefix} is shorter than {letters} letters</source>
        <translation>тема {id}: префикс {prefix} короче {letters} букв</translation>
    </message>
    <message>
        <source>skipped: a named pipe, not a file</source>
        <translation>пропущено: это именованный канал, а не файл</translation>
    </message>
    <message>
        <source>skipped: a socket, not a file</source>
        <translation>пропущено: это сокет, а не файл</translation>
    </message>
    <message>
        <source>skipped: a device, not a file</source>
        <translation>пропущено: это устройство, а не файл</translation>
    </message>
    <message>
        <source>skipped: not a regular file</source>
        <translation>пропущено: это не обычный файл</translation>
    </message>
    <message>
        <source>front matter ignored: invalid YAML</source>
        <translation>front matter пропущен: ошибка YAML</translation>
    </message>
</context>
<context>
    <name>ErrorPlace</name>
    <message>
        <source>line {line}: {problem}</source>
        <translation>строка {line}: {problem}</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Any</source>
        <translation>Любая</translation>
    </message>
    <message>
        <source>Questions on any of the chosen themes</source>
        <translation>Вопросы хотя бы на одну из выбранных тем</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Only questions on all of the chosen themes</source>
        <translation>Только вопросы сразу на все выбранные темы</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Сбросить фильтр</translation>
    </message>
    <message>
        <source>Themes: {0}</source>
        <translation>темы: {0}</translation>
    </message>
    <message>
        <source>Text: “{0}”</source>
        <translation>текст: «{0}»</translation>
    </message>
    <message>
        <source>Filtered by {0}</source>
        <translation>Фильтр — {0}</translation>
    </message>
    <message>
        <source>{0} of {1} interviews, {2} of {3} questions</source>
        <translation>интервью: {0} из {1}, вопросов: {2} из {3}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in interview…</source>
        <translation>Найти в интервью…</translation>
    </message>
    <message>
        <source>Find in interview</source>
        <translation>Найти в интервью</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Совпадения</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Найти &amp;ранее</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Закрыть панель поиска</translation>
    </message>
    <message>
        <source>Find bar</source>
        <translation>Панель поиска в интервью</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Совпадений нет</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
</context>
<context>
    <name>InterviewListView</name>
    <message>
        <source>Filter by title, name, date, outlet…</source>
        <translation>Фильтр по заголовку, имени, дате, изданию…</translation>
    </message>
    <message>
        <source>Filter interviews</source>
        <translation>Фильтр интервью</translation>
    </message>
    <message>
        <source>Interview list</source>
        <translation>Список интервью</translation>
    </message>
</context>
<context>
    <name>InterviewTableModel</name>
    <message>
        <source>The file has no title; this one is made up from it.</source>
        <translation>В файле нет заголовка; этот составлен по его содержимому.</translation>
    </message>
    <message>
        <source>Number of questions</source>
        <translation>Число вопросов</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>Собеседник</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Издание</translation>
    </message>
    <message>
        <source>Qs</source>
        <comment>column: number of questions</comment>
        <translation>Вопр.</translation>
    </message>
</context>
<context>
    <name>LogFolder</name>
    <message>
        <source>The log folder could not be opened. It is:
%1</source>
        <translation>Не удалось открыть папку журнала. Она находится здесь:
%1</translation>
    </message>
    <message>
        <source>Log Folder</source>
        <translation>Папка журнала</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Interviews</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Themes will appear here.</source>
        <translation>Здесь появятся темы.</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Закладки</translation>
    </message>
    <message>
        <source>Bookmarks will appear here.</source>
        <translation>Здесь появятся закладки.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Search will appear here.</source>
        <translation>Здесь появится поиск.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Открыть &amp;папку…</translation>
    </message>
    <message>
        <source>&amp;Open Files…</source>
        <translation>&amp;Открыть файлы…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Пере&amp;загрузить</translation>
    </message>
    <message>
        <source>&amp;Stop Loading</source>
        <translation>Ос&amp;тановить загрузку</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Filter Interviews</source>
        <translation>&amp;Фильтр интервью</translation>
    </message>
    <message>
        <source>Theme &amp;Map…</source>
        <translation>Карта &amp;тем…</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Панели</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <source>Previous &amp;Interview</source>
        <translation>П&amp;редыдущее интервью</translation>
    </message>
    <message>
        <source>Ne&amp;xt Interview</source>
        <translation>С&amp;ледующее интервью</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About kzreader</source>
        <translation>&amp;О программе kzreader</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>{0} of {1} interviews</source>
        <translation>интервью: {0} из {1}</translation>
    </message>
    <message>
        <source>Copy as &amp;Quote</source>
        <translation>Копировать как &amp;цитату</translation>
    </message>
    <message>
        <source>&amp;REFI-QDA Project (.qdpx)…</source>
        <translation>Проект &amp;REFI-QDA (.qdpx)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>Read &amp;Across Interviews…</source>
        <translation>Читать по всем &amp;интервью…</translation>
    </message>
    <message>
        <source>&amp;Similar Questions…</source>
        <translation>Похожие &amp;вопросы…</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>Открыть папку &amp;журнала</translation>
    </message>
    <message>
        <source>Copy &amp;Exchange</source>
        <translation>Копировать вопрос и отв&amp;ет</translation>
    </message>
    <message>
        <source>&amp;Bookmark Selection</source>
        <translation>&amp;Закладка на выделенное</translation>
    </message>
    <message>
        <source>&amp;Find in Interview…</source>
        <translation>&amp;Найти в интервью…</translation>
    </message>
    <message>
        <source>&amp;Search All Interviews…</source>
        <translation>По&amp;иск по всем интервью…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Н&amp;астройки…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>В закладки</translation>
    </message>
    <message>
        <source>Copy Quote</source>
        <translation>Копировать цитату</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти в интервью</translation>
    </message>
    <message>
        <source>Search All</source>
        <translation>Поиск по всем</translation>
    </message>
    <message>
        <source>Open Folder of Interviews</source>
        <translation>Открыть папку с интервью</translation>
    </message>
    <message>
        <source>Open Interviews</source>
        <translation>Открыть интервью</translation>
    </message>
    <message>
        <source>Interviews ({0});;All files (*)</source>
        <translation>Интервью ({0});;Все файлы (*)</translation>
    </message>
    <message>
        <source>{0} (+{1} more)</source>
        <translation>{0} (и ещё {1})</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <source>Loading stopped: {0} of {1} files loaded.</source>
        <translation>Загрузка остановлена: загружено файлов — {0} из {1}.</translation>
    </message>
    <message>
        <source>Files changed on disk; reloading {0}.</source>
        <translation>Файлы изменились на диске; перезагрузка: {0}.</translation>
    </message>
    <message>
        <source>{0} files</source>
        <translation>несколько файлов ({0})</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>{0} of {1} files</source>
        <translation>файлов: {0} из {1}</translation>
    </message>
    <message>
        <source>{0} interviews</source>
        <translation>{0} интервью</translation>
    </message>
    <message>
        <source>{0}, {1} not loaded</source>
        <translation>{0}, не загружено: {1}</translation>
    </message>
    <message>
        <source>Problems ({0})</source>
        <translation>Проблемы ({0})</translation>
    </message>
    <message>
        <source>&amp;Interviews</source>
        <translation>&amp;Интервью</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Вопросы</translation>
    </message>
    <message>
        <source>&amp;Themes</source>
        <translation>&amp;Темы</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Закладки</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>П&amp;оиск</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Проблемы</translation>
    </message>
    <message>
        <source>No interview matches the filter. Change or clear it to read on.</source>
        <translation>Ни одно интервью не подходит под фильтр. Измените или сбросьте фильтр, чтобы читать дальше.</translation>
    </message>
    <message>
        <source>{0} — kzreader</source>
        <translation>{0} — kzreader</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>About kzreader</source>
        <translation>О программе kzreader</translation>
    </message>
    <message>
        <source>kzreader {0}

A reader for collections of published interviews: read them question by question, compare, bookmark and quote.</source>
        <translation>kzreader {0}

Программа для чтения собраний опубликованных интервью: читайте их вопрос за вопросом, сравнивайте, отмечайте закладками и цитируйте.</translation>
    </message>
    <message>
        <source>No interviews yet.</source>
        <translation>Интервью пока нет.</translation>
    </message>
    <message>
        <source>No interview matches the filter.</source>
        <translation>Ни одно интервью не подходит под фильтр.</translation>
    </message>
    <message>
        <source>No bookmark matches the filters.</source>
        <translation>Ни одна закладка не подходит под фильтры.</translation>
    </message>
    <message>
        <source>No bookmarks yet. Select a passage and press {0} to keep it here.</source>
        <translation>Закладок пока нет. Выделите отрывок и нажмите {0}, чтобы сохранить его здесь.</translation>
    </message>
    <message>
        <source>No problems with the files opened.</source>
        <translation>С открытыми файлами проблем нет.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Plain</source>
        <translation>Простой текст</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>GOST-like (Russian)</source>
        <translation>В духе ГОСТа (русский)</translation>
    </message>
    <message>
        <source>APA-like (English)</source>
        <translation>В духе APA (английский)</translation>
    </message>
    <message>
        <source>{field} is replaced by the field; text in [brackets] is left out when a field inside is empty.</source>
        <translation>{field} заменяется значением поля; текст в [скобках] опускается, если поле внутри них пусто.</translation>
    </message>
    <message>
        <source>Use the style&apos;s template</source>
        <translation>Шаблон стиля</translation>
    </message>
    <message>
        <source>Fields: %1</source>
        <translation>Поля: %1</translation>
    </message>
    <message>
        <source>The quote&apos;s language</source>
        <translation>Язык цитаты</translation>
    </message>
    <message>
        <source>Name the local file when an interview has no URL</source>
        <translation>Указывать локальный файл, если у интервью нет URL</translation>
    </message>
    <message>
        <source>Off: a citation you publish never shows where the file lies on this computer.</source>
        <translation>Выключено: в публикуемой ссылке не видно, где файл лежит на этом компьютере.</translation>
    </message>
    <message>
        <source>Citations</source>
        <translation>Цитирование</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>Стиль:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Шаблон:</translation>
    </message>
    <message>
        <source>Citation language:</source>
        <translation>Язык ссылки:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Образец:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>The interface language changes after a restart.</source>
        <translation>Язык интерфейса сменится после перезапуска.</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Unknown field: %1</source>
        <translation>Неизвестное поле: %1</translation>
    </message>
    <message>
        <source>The template is malformed: check its braces { } and brackets [ ].</source>
        <translation>Шаблон составлен с ошибкой: проверьте фигурные { } и квадратные [ ] скобки.</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>ProblemsDockVisibility</name>
    <message>
        <source>Show the Problems panel: the files not loaded or loaded with warnings</source>
        <translation>Показать панель «Проблемы»: файлы, которые не загрузились или загрузились с предупреждениями</translation>
    </message>
    <message>
        <source>Problems: {0}</source>
        <translation>Проблемы: {0}</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Open Containing Folder</source>
        <translation>Открыть папку с файлом</translation>
    </message>
</context>
<context>
    <name>QdpxExportJob</name>
    <message>
        <source>Exporting the REFI-QDA project…</source>
        <translation>Экспорт проекта REFI-QDA…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>kzreader interviews</source>
        <translation>Интервью kzreader</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Закладки</translation>
    </message>
    <message>
        <source>The project was not exported: {0}</source>
        <translation>Проект не экспортирован: {0}</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>Ошибка экспорта: {0}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Экспорт отменён, файл не записан.</translation>
    </message>
    <message>
        <source>Exported {0} interviews, {1} codings and {2} notes to {3}.</source>
        <translation>Экспортировано в {3}: интервью — {0}, кодировок — {1}, заметок — {2}.</translation>
    </message>
    <message>
        <source>Not exported to the REFI-QDA project: the file has changed or cannot be read since it was loaded; reload and export again.</source>
        <translation>Не экспортирован в проект REFI-QDA: файл изменился или не читается с момента загрузки; перезагрузите и повторите экспорт.</translation>
    </message>
    <message numerus="yes">
        <source>%n bookmark was not exported: it needs review or its file was not exported.</source>
        <translation>
            <numerusform>%n закладка не экспортирована: её нужно проверить или её файл не экспортирован.</numerusform>
            <numerusform>%n закладки не экспортированы: их нужно проверить или их файл не экспортирован.</numerusform>
            <numerusform>%n закладок не экспортировано: их нужно проверить или их файл не экспортирован.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bookmarks were not exported: they need review or their file was not exported.</source>
        <translation>
            <numerusform>%n закладка не экспортирована: её нужно проверить или её файл не экспортирован.</numerusform>
            <numerusform>%n закладки не экспортированы: их нужно проверить или их файл не экспортирован.</numerusform>
            <numerusform>%n закладок не экспортировано: их нужно проверить или их файл не экспортирован.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuoteActions</name>
    <message>
        <source>Select the words to quote first.</source>
        <translation>Сначала выделите слова для цитаты.</translation>
    </message>
    <message>
        <source>Quote copied with its citation.</source>
        <translation>Цитата скопирована со ссылкой на источник.</translation>
    </message>
    <message>
        <source>There is no exchange to copy.</source>
        <translation>Нет вопроса и ответа, которые можно скопировать.</translation>
    </message>
    <message>
        <source>Question and answer copied.</source>
        <translation>Вопрос и ответ скопированы.</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>&amp;Previous Question</source>
        <translation>&amp;Предыдущий вопрос</translation>
    </message>
    <message>
        <source>&amp;Next Question</source>
        <translation>&amp;Следующий вопрос</translation>
    </message>
    <message>
        <source>&amp;Whole Interview</source>
        <translation>&amp;Всё интервью</translation>
    </message>
    <message>
        <source>Show &amp;Removed Text</source>
        <translation>Показать &amp;удалённый текст</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Крупнее</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Мельче</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Обычный размер</translation>
    </message>
    <message>
        <source>&amp;Caret Browsing</source>
        <translation>Текстовый ку&amp;рсор</translation>
    </message>
    <message>
        <source>Move a text cursor with the keys and select with Shift+arrows</source>
        <translation>Двигать текстовый курсор клавишами и выделять Shift+стрелками</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>Whole interview</source>
        <translation>Всё интервью</translation>
    </message>
    <message>
        <source>Removed text</source>
        <translation>Удалённый текст</translation>
    </message>
    <message>
        <source>Previous question (Alt+Left)</source>
        <translation>Предыдущий вопрос (Alt+Влево)</translation>
    </message>
    <message>
        <source>Next question (Alt+Right)</source>
        <translation>Следующий вопрос (Alt+Вправо)</translation>
    </message>
    <message>
        <source>Show all questions as one continuous text</source>
        <translation>Показать все вопросы одним сплошным текстом</translation>
    </message>
    <message>
        <source>Show page junk that was left out of the text, marked</source>
        <translation>Показать с пометкой мусор страницы, исключённый из текста</translation>
    </message>
    <message>
        <source>Interview text</source>
        <translation>Текст интервью</translation>
    </message>
    <message>
        <source>Reading pane</source>
        <translation>Область чтения</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
    <message>
        <source>No interview is open. Use File ▸ Open Folder… or drop files here.</source>
        <translation>Интервью не открыто. Выберите Файл ▸ Открыть папку… или перетащите файлы сюда.</translation>
    </message>
    <message>
        <source>No questions were recognised in this file; its text is shown as it was read.</source>
        <translation>В этом файле не распознано ни одного вопроса; текст показан в том виде, в каком прочитан.</translation>
    </message>
    <message>
        <source>Question {0} of {1}</source>
        <translation>Вопрос {0} из {1}</translation>
    </message>
    <message>
        <source>The file has no title; this one is made up from it.</source>
        <translation>В файле нет заголовка; этот составлен по его содержимому.</translation>
    </message>
    <message>
        <source>interviewed by {0}</source>
        <translation>беседовал(а) {0}</translation>
    </message>
    <message>
        <source>End of the interview. Alt+Down opens the next one.</source>
        <translation>Конец интервью. Alt+Вниз откроет следующее.</translation>
    </message>
    <message>
        <source>Space: question {0} — {1}</source>
        <translation>Пробел: вопрос {0} — {1}</translation>
    </message>
    <message>
        <source>(no interviewee, outlet or date found)</source>
        <translation>(собеседник, издание и дата не найдены)</translation>
    </message>
    <message>
        <source>No questions</source>
        <translation>Нет вопросов</translation>
    </message>
    <message>
        <source>Question {0} of {1} shown (no. {2} of {3})</source>
        <translation>Вопрос {0} из {1} показанных (№ {2} из {3})</translation>
    </message>
</context>
<context>
    <name>RemovedText</name>
    <message>
        <source>List of other articles</source>
        <translation>список других статей</translation>
    </message>
    <message>
        <source>View counter</source>
        <translation>счётчик просмотров</translation>
    </message>
    <message>
        <source>Note after the interview</source>
        <translation>приписка после интервью</translation>
    </message>
    <message>
        <source>Page markup</source>
        <translation>разметка страницы</translation>
    </message>
    <message>
        <source>Page clutter</source>
        <translation>мусор со страницы</translation>
    </message>
    <message>
        <source>Page script</source>
        <translation>скрипт страницы</translation>
    </message>
    <message>
        <source>Photo credit</source>
        <translation>подпись автора фото</translation>
    </message>
    <message>
        <source>Text of the website</source>
        <translation>текст сайта</translation>
    </message>
    <message>
        <source>Teaser of another article</source>
        <translation>анонс другой статьи</translation>
    </message>
    <message>
        <source>Embedded media</source>
        <translation>встроенное медиа</translation>
    </message>
    <message>
        <source>Site navigation</source>
        <translation>навигация сайта</translation>
    </message>
    <message>
        <source>Section name</source>
        <translation>название рубрики</translation>
    </message>
    <message>
        <source>Unfilled template text</source>
        <translation>незаполненный шаблон</translation>
    </message>
    <message>
        <source>Footnote</source>
        <translation>сноска</translation>
    </message>
    <message>
        <source>Text outside the article</source>
        <translation>текст вне статьи</translation>
    </message>
    <message>
        <source>Share buttons</source>
        <translation>кнопки «Поделиться»</translation>
    </message>
    <message>
        <source>Related articles</source>
        <translation>похожие статьи</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>комментарии</translation>
    </message>
    <message>
        <source>Page footer</source>
        <translation>подвал страницы</translation>
    </message>
    <message>
        <source>Page header</source>
        <translation>шапка страницы</translation>
    </message>
    <message>
        <source>Form on the page</source>
        <translation>форма на странице</translation>
    </message>
    <message>
        <source>Subscription offer</source>
        <translation>предложение подписаться</translation>
    </message>
    <message>
        <source>Cookie notice</source>
        <translation>уведомление о cookie</translation>
    </message>
    <message>
        <source>Advertisement</source>
        <translation>реклама</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>боковая колонка</translation>
    </message>
    <message>
        <source>Tags of the article</source>
        <translation>теги статьи</translation>
    </message>
    <message>
        <source>Left out of the text</source>
        <translation>Убрано из текста</translation>
    </message>
    <message>
        <source>Left out: {0}</source>
        <translation>Убрано: {0}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all interviews…</source>
        <translation>Поиск по всем интервью…</translation>
    </message>
    <message>
        <source>Search all interviews</source>
        <translation>Поиск по всем интервью</translation>
    </message>
    <message>
        <source>Words match any form: энергетическая finds энергетической.
&quot;quoted words&quot; match a phrase, -word excludes, word* matches a prefix.
Case and ё/е do not matter.</source>
        <translation>Слова находятся в любой форме: «энергетическая» найдёт «энергетической».
&quot;слова в кавычках&quot; — точная фраза, -слово исключает, слово* — поиск по началу слова.
Регистр и ё/е не важны.</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Где искать</translation>
    </message>
    <message>
        <source>All interviews</source>
        <translation>Все интервью</translation>
    </message>
    <message>
        <source>Current interview</source>
        <translation>Текущее интервью</translation>
    </message>
    <message>
        <source>Selected themes</source>
        <translation>Выбранные темы</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Вступление</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>В%1</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Вопрос %1</translation>
    </message>
    <message>
        <source>No interviews loaded</source>
        <translation>Интервью не загружены</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Совпадений нет</translation>
    </message>
    <message numerus="yes">
        <source>%n hit</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hits</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n interview</source>
        <translation>
            <numerusform>в %n интервью</numerusform>
            <numerusform>в %n интервью</numerusform>
            <numerusform>в %n интервью</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n interviews</source>
        <translation>
            <numerusform>в %n интервью</numerusform>
            <numerusform>в %n интервью</numerusform>
            <numerusform>в %n интервью</numerusform>
        </translation>
    </message>
    <message>
        <source>(the best %1 shown)</source>
        <translation>(показаны лучшие %1)</translation>
    </message>
</context>
<context>
    <name>ThemeCountsModel</name>
    <message>
        <source>{corpus} question</source>
        <translation>вопросов: {corpus}</translation>
    </message>
    <message>
        <source>{corpus} questions</source>
        <translation>вопросов: {corpus}</translation>
    </message>
    <message>
        <source>{corpus} question, {current} in this interview</source>
        <translation>вопросов: {corpus}, в этом интервью: {current}</translation>
    </message>
    <message>
        <source>{corpus} questions, {current} in this interview</source>
        <translation>вопросов: {corpus}, в этом интервью: {current}</translation>
    </message>
    <message>
        <source>{name}
{corpus} exchanges in the corpus</source>
        <translation>{name}
вопросов и ответов в собрании: {corpus}</translation>
    </message>
    <message>
        <source>{current} in the current interview</source>
        <translation>в текущем интервью: {current}</translation>
    </message>
</context>
<context>
    <name>ThemeEditorDialog</name>
    <message>
        <source>Edit themes</source>
        <translation>Изменить темы</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>Новая тема</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and _; fixed once saved</source>
        <translation>Строчные латинские буквы, цифры и _; после сохранения не меняется</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>One per line. Any word form matches; end with * for a prefix (образоват*), start with = for exactly this word (=ИИ).</source>
        <translation>По одному на строке. Подходит любая форма слова; * в конце — поиск по началу (образоват*), = в начале — только это слово (=ИИ).</translation>
    </message>
    <message>
        <source>One per line: words that must follow each other.</source>
        <translation>По одной на строке: слова, которые должны идти подряд.</translation>
    </message>
    <message>
        <source>One per line: words or phrases whose matches this theme must ignore.</source>
        <translation>По одному на строке: слова или фразы, совпадения с которыми эта тема не учитывает.</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Идентификатор:</translation>
    </message>
    <message>
        <source>Name (Russian):</source>
        <translation>Название (по-русски):</translation>
    </message>
    <message>
        <source>Name (English):</source>
        <translation>Название (по-английски):</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Цвет:</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>Ключевые слова:</translation>
    </message>
    <message>
        <source>Phrases:</source>
        <translation>Фразы:</translation>
    </message>
    <message>
        <source>Exclusions:</source>
        <translation>Исключения:</translation>
    </message>
    <message>
        <source>Theme colour</source>
        <translation>Цвет темы</translation>
    </message>
    <message>
        <source>Theme id {id} is used twice</source>
        <translation>Идентификатор темы {id} встречается дважды</translation>
    </message>
</context>
<context>
    <name>ThemeMapDialog</name>
    <message>
        <source>Theme map</source>
        <translation>Карта тем</translation>
    </message>
</context>
<context>
    <name>ThemeMapModel</name>
    <message>
        <source>{title}
{theme}: {n} of {total} exchanges</source>
        <translation>{title}
{theme}: {n} из {total} вопросов и ответов</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <source>{theme}: {n} exchanges in all</source>
        <translation>{theme}: всего вопросов — {n}</translation>
    </message>
</context>
<context>
    <name>ThemeMapWidget</name>
    <message>
        <source>Theme map</source>
        <translation>Карта тем</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Exchanges (count)</source>
        <translation>Вопросы и ответы (число)</translation>
    </message>
    <message>
        <source>Share of exchanges</source>
        <translation>Доля вопросов и ответов</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Сохранить как PNG…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>Exchanges in all, by theme: {0}</source>
        <translation>Всего вопросов по темам: {0}</translation>
    </message>
    <message>
        <source>Save theme map</source>
        <translation>Сохранить карту тем</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>Не удалось записать {path}.</translation>
    </message>
</context>
<context>
    <name>ThemeSidebar</name>
    <message>
        <source>Themes</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Show all interviews and exchanges again</source>
        <translation>Снова показать все интервью, вопросы и ответы</translation>
    </message>
    <message>
        <source>Edit themes…</source>
        <translation>Изменить темы…</translation>
    </message>
</context>
<context>
    <name>ThemesController</name>
    <message>
        <source>Your themes file could not be used; the default themes stay in force: {0}</source>
        <translation>Ваш файл тем не удалось использовать; действуют темы по умолчанию: {0}</translation>
    </message>
    <message>
        <source>Themes were not saved: {0}</source>
        <translation>Темы не сохранены: {0}</translation>
    </message>
    <message>
        <source>Themes: {0}</source>
        <translation>Темы: {0}</translation>
    </message>
</context>
</TS>
