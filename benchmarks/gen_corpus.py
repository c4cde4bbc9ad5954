"""A synthetic corpus of published interviews, for benchmarks (search, themes, loading).

Interviews are mostly Russian, some English, 10–20 KB each, in the shapes real files come
in: dash-led turns (—, –, -) with multi-paragraph answers whose later paragraphs carry no
dash; ``Вопрос:``/``Ответ:``, ``Q:``/``A:`` and speaker-name labels (``Корр.:``,
``Иван Петров:``); an optional ``date YYYY-MM-DD`` prefix, a title, a view counter, a photo
credit, a lead naming the expert in the instrumental case; trailing site junk ("Популярное",
"Читайте также", "Архив"); some Markdown files with YAML front matter.

Topical vocabulary comes in many inflected forms (энергетическая / энергетической /
энергетическую безопасность, газ / газа / газом, газета / газете ...), so stem-aware search
and theme tagging have something to find that ``grep`` of one form misses.  Each interview
has a main topic that its answers dwell on and mentions others in passing.

Deterministic: the same ``seed`` and ``n`` give byte-identical files.

    python benchmarks/gen_corpus.py DEST [-n N] [--seed S]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

# ---- vocabulary ------------------------------------------------------------------------
# Each topic: noun phrases by case (nom, gen, dat, acc, inst, prep).
TOPICS_RU: dict[str, list[tuple[str, str, str, str, str, str]]] = {
    "energy": [
        ("энергетика", "энергетики", "энергетике", "энергетику", "энергетикой", "энергетике"),
        ("энергетическая безопасность", "энергетической безопасности", "энергетической безопасности",
         "энергетическую безопасность", "энергетической безопасностью", "энергетической безопасности"),
        ("энергетический сектор", "энергетического сектора", "энергетическому сектору",
         "энергетический сектор", "энергетическим сектором", "энергетическом секторе"),
        ("энергетические проекты", "энергетических проектов", "энергетическим проектам",
         "энергетические проекты", "энергетическими проектами", "энергетических проектах"),
        ("электроэнергия", "электроэнергии", "электроэнергии", "электроэнергию", "электроэнергией",
         "электроэнергии"),
        ("атомная станция", "атомной станции", "атомной станции", "атомную станцию", "атомной станцией",
         "атомной станции"),
    ],
    "gas": [
        ("газ", "газа", "газу", "газ", "газом", "газе"),
        ("газопровод", "газопровода", "газопроводу", "газопровод", "газопроводом", "газопроводе"),
        ("газовый рынок", "газового рынка", "газовому рынку", "газовый рынок", "газовым рынком",
         "газовом рынке"),
        ("нефть", "нефти", "нефти", "нефть", "нефтью", "нефти"),
        ("месторождения", "месторождений", "месторождениям", "месторождения", "месторождениями",
         "месторождениях"),
    ],
    "transport": [
        ("транспорт", "транспорта", "транспорту", "транспорт", "транспортом", "транспорте"),
        ("транспортная инфраструктура", "транспортной инфраструктуры", "транспортной инфраструктуре",
         "транспортную инфраструктуру", "транспортной инфраструктурой", "транспортной инфраструктуре"),
        ("транспортные коридоры", "транспортных коридоров", "транспортным коридорам",
         "транспортные коридоры", "транспортными коридорами", "транспортных коридорах"),
        ("железная дорога", "железной дороги", "железной дороге", "железную дорогу", "железной дорогой",
         "железной дороге"),
    ],
    "logistics": [
        ("логистика", "логистики", "логистике", "логистику", "логистикой", "логистике"),
        ("логистические центры", "логистических центров", "логистическим центрам",
         "логистические центры", "логистическими центрами", "логистических центрах"),
        ("цепочки поставок", "цепочек поставок", "цепочкам поставок", "цепочки поставок",
         "цепочками поставок", "цепочках поставок"),
        ("транзит", "транзита", "транзиту", "транзит", "транзитом", "транзите"),
    ],
    "education": [
        ("образование", "образования", "образованию", "образование", "образованием", "образовании"),
        ("образовательные программы", "образовательных программ", "образовательным программам",
         "образовательные программы", "образовательными программами", "образовательных программах"),
        ("высшая школа", "высшей школы", "высшей школе", "высшую школу", "высшей школой", "высшей школе"),
        ("подготовка кадров", "подготовки кадров", "подготовке кадров", "подготовку кадров",
         "подготовкой кадров", "подготовке кадров"),
        ("студенты", "студентов", "студентам", "студентов", "студентами", "студентах"),
    ],
    "security": [
        ("безопасность", "безопасности", "безопасности", "безопасность", "безопасностью", "безопасности"),
        ("региональная безопасность", "региональной безопасности", "региональной безопасности",
         "региональную безопасность", "региональной безопасностью", "региональной безопасности"),
        ("оборона", "обороны", "обороне", "оборону", "обороной", "обороне"),
        ("угрозы", "угроз", "угрозам", "угрозы", "угрозами", "угрозах"),
    ],
    "media": [
        ("газета", "газеты", "газете", "газету", "газетой", "газете"),
        ("печатные издания", "печатных изданий", "печатным изданиям", "печатные издания",
         "печатными изданиями", "печатных изданиях"),
        ("журналистика", "журналистики", "журналистике", "журналистику", "журналистикой", "журналистике"),
        ("средства массовой информации", "средств массовой информации", "средствам массовой информации",
         "средства массовой информации", "средствами массовой информации", "средствах массовой информации"),
    ],
    "economy": [
        ("экономика", "экономики", "экономике", "экономику", "экономикой", "экономике"),
        ("инвестиции", "инвестиций", "инвестициям", "инвестиции", "инвестициями", "инвестициях"),
        ("инфляция", "инфляции", "инфляции", "инфляцию", "инфляцией", "инфляции"),
        ("малый бизнес", "малого бизнеса", "малому бизнесу", "малый бизнес", "малым бизнесом",
         "малом бизнесе"),
    ],
    "digital": [
        ("цифровизация", "цифровизации", "цифровизации", "цифровизацию", "цифровизацией", "цифровизации"),
        ("цифровые технологии", "цифровых технологий", "цифровым технологиям", "цифровые технологии",
         "цифровыми технологиями", "цифровых технологиях"),
        ("искусственный интеллект", "искусственного интеллекта", "искусственному интеллекту",
         "искусственный интеллект", "искусственным интеллектом", "искусственном интеллекте"),
    ],
    "agro": [
        ("сельское хозяйство", "сельского хозяйства", "сельскому хозяйству", "сельское хозяйство",
         "сельским хозяйством", "сельском хозяйстве"),
        ("урожай", "урожая", "урожаю", "урожай", "урожаем", "урожае"),
        ("водные ресурсы", "водных ресурсов", "водным ресурсам", "водные ресурсы", "водными ресурсами",
         "водных ресурсах"),
    ],
}

PLACES = [  # nom, gen, dat, inst, prep
    ("Казахстан", "Казахстана", "Казахстану", "Казахстаном", "Казахстане"),
    ("Россия", "России", "России", "Россией", "России"),
    ("Китай", "Китая", "Китаю", "Китаем", "Китае"),
    ("Узбекистан", "Узбекистана", "Узбекистану", "Узбекистаном", "Узбекистане"),
    ("Европа", "Европы", "Европе", "Европой", "Европе"),
    ("Центральная Азия", "Центральной Азии", "Центральной Азии", "Центральной Азией", "Центральной Азии"),
    ("Кыргызстан", "Кыргызстана", "Кыргызстану", "Кыргызстаном", "Кыргызстане"),
    ("регион", "региона", "региону", "регионом", "регионе"),
]

# Sentence templates.  {N} {G} {D} {A} {I} {P}: the topic phrase in a case; {pn} {pg} {pd}
# {pi} {pp}: a place; {y}: a year; {k}: a number; {N2}/{G2}/{A2}: a second topic.
TOPIC_SENTENCES = [
    "Сегодня {N} остаётся одним из ключевых приоритетов для {pg}.",
    "Без {G} невозможно устойчивое развитие {pg} в ближайшие десятилетия.",
    "Мы уделяем особое внимание {D}, и это даёт результат.",
    "Правительство последовательно поддерживает {A}, выделяя на это значительные средства.",
    "Многое в экономике {pg} связано именно с {I}.",
    "В {P} за последние годы произошли серьёзные изменения.",
    "Ситуация в {P} напрямую влияет на {A2}.",
    "Развитие {G} требует новых подходов и согласованных решений.",
    "Если говорить о {P}, то здесь {pn} сделал заметный шаг вперёд ещё в {y} году.",
    "По нашим оценкам, вложения в {A} выросли почти на {k} процентов.",
    "Вопросы {G} обсуждались на самом высоком уровне.",
    "Я бы не стал недооценивать {A}: это долгосрочная задача.",
    "Нельзя рассматривать {A} отдельно от {G2}.",
    "Именно от {G} зависит, насколько конкурентоспособной будет экономика {pg} через десять лет.",
    "Сотрудничество с {pi} в сфере {G} развивается уверенно.",
    "Наши партнёры проявляют большой интерес к {D}.",
    "К {y} году ситуация с {I} должна заметно улучшиться.",
    "Проблемы {G} накапливались годами, и решить их за один сезон нельзя.",
    "Эксперты спорят о влиянии {G} на {A2}.",
    "Многие недооценивают связь между {I} и {I2}.",
    "Стоит отдельно сказать о {P}: здесь нужны и деньги, и кадры.",
    "Программа развития {G} рассчитана до {y} года.",
    "Любые решения по {D} должны опираться на точные данные.",
    "В {pp} тема {G} давно стала предметом общественной дискуссии.",
]

GENERIC_SENTENCES = [
    "Это долгосрочный процесс, и быстрых результатов ждать не стоит.",
    "На мой взгляд, главное сейчас — сохранить доверие между партнёрами.",
    "Здесь важно не торопиться с выводами.",
    "Мы видим, что интерес к {pd} растёт год от года.",
    "Конечно, есть и риски, о которых нужно говорить открыто.",
    "Отношения с {pi} строятся на взаимном уважении и прагматизме.",
    "В {y} году ситуация была совсем другой.",
    "Думаю, что ближайшие {k} лет покажут, насколько верным был этот курс.",
    "Президент неоднократно подчёркивал важность этого направления.",
    "Если смотреть на цифры, рост составил около {k} процентов.",
    "Многое зависит от того, как будут работать принятые законы.",
    "Я часто бываю в регионах и вижу, как меняется жизнь людей.",
    "Этот вопрос нельзя решить одним указом.",
    "Нам нужна честная и открытая дискуссия.",
    "У {pg} есть все возможности, чтобы стать лидером в этой области.",
    "Важно, чтобы решения принимались с учётом мнения экспертов.",
    "Визит делегации в {pn} стал важным сигналом для бизнеса.",
    "Мы наблюдаем постепенное восстановление после кризиса {y} года.",
    "Нельзя забывать и о социальной стороне вопроса.",
    "В целом я смотрю в будущее с осторожным оптимизмом.",
    "Такие проекты окупаются не сразу, но окупаются.",
    "Подписанные документы создают хорошую правовую основу.",
    "Региональные власти тоже должны брать на себя ответственность.",
    "Полагаю, что интеграционные процессы в Евразии будут только усиливаться.",
    "Ключевой фактор здесь — качество управления.",
    "Молодёжь всё активнее участвует в общественной жизни.",
    "Международная обстановка остаётся сложной и непредсказуемой.",
    "Здесь нет простых ответов, и я честно об этом говорю.",
]

QUESTIONS_RU = [
    "Как Вы оцениваете нынешнее состояние {G}?",
    "Что, на Ваш взгляд, мешает развитию {G} в {pp}?",
    "Какие перспективы у {G} в ближайшие годы?",
    "Насколько серьёзно в {pp} относятся к вопросам {G}?",
    "Расскажите, пожалуйста, о планах в области {G}.",
    "Можно ли сказать, что тема {G} стала приоритетом государственной политики?",
    "Какую роль в этом играет сотрудничество с {pi}?",
    "Чего Вы ждёте от переговоров по {D}?",
    "Есть мнение, что значение {G} переоценено. Вы согласны?",
    "Какие риски Вы видите для {G} в {y} году?",
    "Вы упомянули {A}. Что конкретно имеется в виду?",
    "Как изменится ситуация с {I} после подписания соглашения?",
    "И последний вопрос: что бы Вы посоветовали тем, кто занимается {I}?",
    "Давайте поговорим о {P}.",
]

# English
TOPICS_EN: dict[str, list[str]] = {
    "energy": ["energy security", "the energy sector", "energy policy", "renewable energy", "electricity"],
    "gas": ["gas", "gas pipelines", "natural gas", "the gas market", "oil"],
    "transport": ["transport", "transportation", "transport corridors", "the railways", "rail freight"],
    "logistics": ["logistics", "logistics hubs", "supply chains", "transit", "shipping"],
    "education": ["education", "educational programmes", "universities", "students", "teacher training"],
    "security": ["security", "regional security", "defence", "security threats", "border security"],
    "media": ["newspapers", "the newspaper business", "journalism", "the press", "media freedom"],
}
PLACES_EN = ["Kazakhstan", "Russia", "China", "Central Asia", "Europe", "the region", "Uzbekistan"]
SENTENCES_EN = [
    "{X} remains a top priority for {p}.",
    "Without {x}, no sustainable growth is possible in {p}.",
    "We have paid close attention to {x} over the past {k} years.",
    "The government keeps investing in {x}, and that is paying off.",
    "A great deal depends on {x} and on how we manage {y2}.",
    "Since {yr}, {x} has changed beyond recognition.",
    "Our partners are increasingly interested in {x}.",
    "Nobody can look at {x} in isolation from {y2}.",
    "By {yr} we expect real improvements in {x}.",
    "Frankly, {x} was neglected for too long.",
    "Investment in {x} grew by about {k} percent last year.",
    "I would not underestimate how {x} shapes {y2}.",
]
GENERIC_EN = [
    "This is a long-term process, and quick results should not be expected.",
    "In my view, trust between partners is what matters most right now.",
    "Of course there are risks, and we should talk about them openly.",
    "Relations with {p} rest on mutual respect and pragmatism.",
    "The situation in {yr} was completely different.",
    "Much depends on how the new laws are implemented.",
    "There are no simple answers here, and I say so honestly.",
    "Overall, I look to the future with cautious optimism.",
    "Projects like these do not pay off at once, but they do pay off.",
    "Regional authorities must take their share of responsibility too.",
    "The international environment remains complicated and unpredictable.",
]
QUESTIONS_EN = [
    "How would you assess the current state of {x}?",
    "What is holding back {x} in {p}?",
    "What are the prospects for {x} over the next few years?",
    "Some say {x} is overrated. Do you agree?",
    "What role does cooperation with {p} play here?",
    "You mentioned {x}. What exactly do you mean?",
    "What risks do you see for {x} in {yr}?",
    "And finally, what would you advise people working in {x}?",
]

FIRST_NAMES = [  # (nominative, instrumental, male?)
    ("Иван", "Иваном", True), ("Антон", "Антоном", True), ("Сергей", "Сергеем", True),
    ("Дмитрий", "Дмитрием", True), ("Алексей", "Алексеем", True), ("Ерлан", "Ерланом", True),
    ("Нурлан", "Нурланом", True), ("Денис", "Денисом", True), ("Максим", "Максимом", True),
    ("Анна", "Анной", False), ("Елена", "Еленой", False), ("Айгуль", "Айгуль", False),
    ("Ольга", "Ольгой", False), ("Мария", "Марией", False), ("Динара", "Динарой", False),
    ("Наталья", "Натальей", False), ("Жанна", "Жанной", False),
]
SURNAMES = ["Петров", "Арутюнов", "Борисов", "Сулейменов", "Иванов", "Жумабаев", "Ковалёв", "Смирнов",
            "Абенов", "Кузнецов", "Волков", "Ахметов", "Лебедев", "Нуржанов", "Соколов", "Морозов",
            "Фёдоров", "Касымов", "Орлов", "Тарасов", "Ермеков", "Беляев", "Исин", "Бекетов"]
ROLES = [  # (nominative, instrumental)
    ("политолог", "политологом"), ("экономист", "экономистом"), ("эксперт", "экспертом"),
    ("аналитик", "аналитиком"), ("директор исследовательского центра", "директором исследовательского центра"),
    ("профессор университета", "профессором университета"), ("депутат", "депутатом"),
    ("руководитель отраслевой ассоциации", "руководителем отраслевой ассоциации"),
]
OUTLETS = ["Казправда", "Деловой вестник", "Новое поколение", "Евразия сегодня", "Степной курьер",
           "Время", "Аналитика Азии"]
EN_FIRST = ["John", "Sarah", "Michael", "Emma", "David", "Laura", "Peter", "Anna"]
EN_LAST = ["Smith", "Miller", "Brown", "Clarke", "Walsh", "Turner", "Hughes", "Baker"]
HEADLINES = [
    "Зима будет тёплой", "В Астане открылся новый парк", "Цены на бензин выросли",
    "Школьники победили на олимпиаде", "Метель и гололёд надвигаются на север",
    "Запущен завод по переработке мяса птицы", "Талгар будет расти и вширь, и ввысь",
    "Уверенный рост экономики Приаралья", "Как провести отпуск в Узбекистане",
    "Режут провода, портят светильники: город страдает от вандалов",
    "В газете опубликован рейтинг вузов", "Новый маршрут автобуса свяжет два района",
    "Фермеры готовятся к посевной", "Транспортная реформа: что изменится для пассажиров",
    "Открыт сезон в горах", "Стали известны итоги конкурса", "Энергетики предупредили об отключениях",
]
# Pseudo-names (places, companies, projects) drawn with a long-tailed distribution, so the
# vocabulary grows with the corpus the way real text does (rare words, many forms of each).
_SYLLABLES_C = "бвгджзклмнпрстхш"
_SYLLABLES_V = "аеиоуы"
DETAILS = [
    "Например, в {X}е уже запустили пилотный проект.",
    "Хороший пример — опыт {X}а.",
    "Об этом говорили и в компании «{X}».",
    "Похожая история была с {x}ским проектом.",
    "Вспомните, как решали этот вопрос под {X}ом.",
    "В {x}ском районе всё получилось быстрее.",
    "Руководство {X}а с этим согласно.",
]
RARE_WORDS = 60_000
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря"]


# ---- pools -----------------------------------------------------------------------------

class _Pools:
    """Pre-generated sentences: assembling files from them keeps generation fast."""

    def __init__(self, rng: random.Random, per_topic: int = 500, generic: int = 1500) -> None:
        self.topic_ru = {t: [self._ru(rng, t, TOPIC_SENTENCES) for _ in range(per_topic)] for t in TOPICS_RU}
        self.question_ru = {t: [self._ru(rng, t, QUESTIONS_RU) for _ in range(per_topic // 4)] for t in TOPICS_RU}
        self.generic_ru = [self._ru(rng, rng.choice(list(TOPICS_RU)), GENERIC_SENTENCES) for _ in range(generic)]
        self.topic_en = {t: [self._en(rng, t, SENTENCES_EN) for _ in range(per_topic // 2)] for t in TOPICS_EN}
        self.question_en = {t: [self._en(rng, t, QUESTIONS_EN) for _ in range(per_topic // 8)] for t in TOPICS_EN}
        self.generic_en = [self._en(rng, rng.choice(list(TOPICS_EN)), GENERIC_EN) for _ in range(generic // 3)]
        self.rare = [self._pseudo(rng) for _ in range(RARE_WORDS)]

    @staticmethod
    def _pseudo(rng: random.Random) -> str:
        return "".join(rng.choice(_SYLLABLES_C) + rng.choice(_SYLLABLES_V)
                       for _ in range(rng.randint(2, 4))) + rng.choice(_SYLLABLES_C)

    def detail(self, rng: random.Random) -> str:
        # log-uniform index: a few names are common, most are rare
        w = self.rare[int(RARE_WORDS ** rng.random()) - 1]
        return rng.choice(DETAILS).format(X=w.capitalize(), x=w)

    @staticmethod
    def _ru(rng: random.Random, topic: str, templates: list[str]) -> str:
        n, g, d, a, i, p = rng.choice(TOPICS_RU[topic])
        other = TOPICS_RU[rng.choice(list(TOPICS_RU))]
        n2, g2, _d2, a2, i2, _p2 = rng.choice(other)
        pn, pg, pd, pi, pp = rng.choice(PLACES)
        s = rng.choice(templates).format(
            N=n, G=g, D=d, A=a, I=i, P=p, N2=n2, G2=g2, A2=a2, I2=i2,
            pn=pn, pg=pg, pd=pd, pi=pi, pp=pp, y=rng.randint(2015, 2035), k=rng.randint(2, 40),
        )
        return s[0].upper() + s[1:]

    @staticmethod
    def _en(rng: random.Random, topic: str, templates: list[str]) -> str:
        x = rng.choice(TOPICS_EN[topic])
        y2 = rng.choice(TOPICS_EN[rng.choice(list(TOPICS_EN))])
        s = rng.choice(templates).format(
            X=x[0].upper() + x[1:], x=x, y2=y2, p=rng.choice(PLACES_EN),
            yr=rng.randint(2015, 2035), k=rng.randint(2, 40),
        )
        return s[0].upper() + s[1:]


_POOLS: dict[int, _Pools] = {}


def _pools(seed: int) -> _Pools:
    if seed not in _POOLS:
        _POOLS[seed] = _Pools(random.Random(seed * 7919 + 17))
    return _POOLS[seed]


# ---- one interview ---------------------------------------------------------------------

def _expert(rng: random.Random) -> dict:
    first, first_i, male = rng.choice(FIRST_NAMES)
    sur = rng.choice(SURNAMES)
    if male:
        sur_n, sur_i = sur, (sur + "ым" if sur.endswith(("ов", "ев", "ёв", "ин")) else sur + "ом")
    else:
        sur_n, sur_i = sur + "а", sur + "ой"
    role, role_i = rng.choice(ROLES)
    return {"name": f"{first} {sur_n}", "name_i": f"{first_i} {sur_i}", "short": f"{first[0]}. {sur_n}",
            "role": role, "role_i": role_i}


def _answer_ru(rng, pools: _Pools, topic: str, side: str) -> list[str]:
    paras = []
    for _ in range(rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0]):
        k = rng.randint(3, 8)
        picks = []
        for _ in range(k):
            r = rng.random()
            if r < 0.45:
                picks.append(rng.choice(pools.topic_ru[topic]))
            elif r < 0.55:
                picks.append(rng.choice(pools.topic_ru[side]))
            else:
                picks.append(rng.choice(pools.generic_ru))
        if rng.random() < 0.6:
            picks.insert(rng.randrange(len(picks) + 1), pools.detail(rng))
        paras.append(" ".join(picks))
    return paras


def _answer_en(rng, pools: _Pools, topic: str, side: str) -> list[str]:
    paras = []
    for _ in range(rng.choices((1, 2, 3), (40, 40, 20))[0]):
        picks = []
        for _ in range(rng.randint(3, 7)):
            r = rng.random()
            src = pools.topic_en[topic] if r < 0.45 else pools.topic_en[side] if r < 0.55 else pools.generic_en
            picks.append(rng.choice(src))
        paras.append(" ".join(picks))
    return paras


def _junk(rng: random.Random) -> str:
    out = []
    if rng.random() < 0.8:
        out.append("Популярное\n\n" + "\n".join(rng.sample(HEADLINES, rng.randint(5, 9))))
    if rng.random() < 0.6:
        out.append("Читайте также\n\n" + "\n".join(rng.sample(HEADLINES, rng.randint(2, 4))))
    if rng.random() < 0.3:
        out.append("Архив\n\n  • [[year]]\n  • [[month.label]]\n  • [[day]]")
    return "\n\n".join(out)


def interview_text(i: int, seed: int = 1) -> tuple[str, str]:
    """(file name, text) of the ``i``-th interview of the corpus for ``seed``."""
    pools = _pools(seed)
    rng = random.Random(seed * 1_000_003 + i)
    english = rng.random() < 0.12
    topic = rng.choice(list(TOPICS_EN if english else TOPICS_RU))
    side = rng.choice(list(TOPICS_EN if english else TOPICS_RU))
    target = rng.randint(10_000, 20_000)  # bytes
    date = f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    ex = _expert(rng)
    md = rng.random() < 0.1
    if english:
        return _english(i, rng, pools, topic, side, target, date, md)

    fmt = rng.choices(("dash", "labels", "speakers", "qa"), (55, 18, 20, 7))[0]
    dash = rng.choices(("—", "–", "-"), (60, 25, 15))[0]
    corr = rng.choice(("Корр.", "Корреспондент", OUTLETS[i % len(OUTLETS)]))
    exp_label = rng.choice((ex["name"], ex["short"], ex["name"].split()[1]))

    def q_turn(text: str) -> str:
        if fmt == "dash":
            return f"{dash} {text}"
        if fmt == "labels":
            return f"Вопрос: {text}"
        if fmt == "qa":
            return f"Q: {text}"
        return f"{corr}: {text}"

    def a_first(text: str) -> str:
        if fmt == "dash":
            return f"{dash} {text}"
        if fmt == "labels":
            return f"Ответ: {text}"
        if fmt == "qa":
            return f"A: {text}"
        return f"{exp_label}: {text}"

    title = rng.choice((
        f"{ex['name']}: «{rng.choice(pools.topic_ru[topic]).rstrip('.')}»",
        f"{TOPICS_RU[topic][0][0].capitalize()}: мнение эксперта",
        f"«{rng.choice(pools.generic_ru).rstrip('.')}»",
        f"Как изменится {TOPICS_RU[topic][rng.randrange(len(TOPICS_RU[topic]))][0]} в {date[:4]} году",
    ))
    n, g, d, a, ii, p = rng.choice(TOPICS_RU[topic])
    lead = rng.choice((
        f"О перспективах {g} наш корреспондент побеседовал с {ex['role_i']} {ex['name_i']}.",
        f"{ex['name']} — {ex['role']}. Мы поговорили с ним о {p} и не только.",
        f"Редакция обсудила с {ex['role_i']} {ex['name_i']}, что ждёт {a} в ближайшие годы.",
    )) + " " + " ".join(rng.sample(pools.generic_ru, 2))

    head: list[str] = []
    body: list[str] = []
    with_date = rng.random() < 0.35
    if md:
        fm = {"title": title, "date": date, "interviewee": ex["name"], "source": rng.choice(OUTLETS)}
        head.append("---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fm.items())
                    + "---")
        head.append(f"# {title}")
        head.append(lead)
    else:
        shape = rng.random()
        if shape < 0.4:
            head.append(title)
            if rng.random() < 0.5:
                head.append(str(rng.randint(100, 9000)))  # view counter
            head.append(lead)
            if rng.random() < 0.4:
                head.append(f"Фото: {rng.choice(OUTLETS)}")
        elif shape < 0.7:
            head.append(lead)
        # else: the file starts right at the first question
    size = sum(len(h.encode()) for h in head)
    k = 0
    while size < target or k < 3:
        k += 1
        qs = rng.choice(pools.question_ru[topic if rng.random() < 0.7 else side])
        if rng.random() < 0.25:
            qs = rng.choice(pools.generic_ru) + " " + qs  # a question with a preamble
        paras = _answer_ru(rng, pools, topic, side)
        turn = [q_turn(qs), a_first(paras[0])] + paras[1:]
        size += sum(len(t.encode()) + 2 for t in turn)
        body.extend(turn)
    if with_date and not md:
        # " date YYYY-MM-DD " glued to the first line, as some sites export it
        first = head if head else body
        first[0] = f" date {date} {first[0]}"
    parts = head + body
    if not md and rng.random() < 0.7:
        parts.append(_junk(rng))
    name = f"{i:05d}_{topic}.{'md' if md else 'txt'}"
    return name, "\n\n".join(parts) + "\n"


def _english(i, rng, pools, topic, side, target, date, md) -> tuple[str, str]:
    ex = f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
    style = rng.choice(("qa", "names"))
    interviewer = rng.choice(("Interviewer", "Q"))
    x = rng.choice(TOPICS_EN[topic])
    title = f"{ex} on {x}"
    lead = f"We spoke to {ex}, an analyst, about {x} and what lies ahead. " + rng.choice(pools.generic_en)
    head = []
    if md:
        head.append(f"---\ntitle: {json.dumps(title)}\ndate: {date}\ninterviewee: {json.dumps(ex)}\n"
                    f"language: en\n---")
        head.append(f"# {title}")
    else:
        head.append(title)
    head.append(lead)
    body = []
    size = sum(len(h) for h in head)
    k = 0
    while size < target or k < 3:
        k += 1
        q = rng.choice(pools.question_en[topic if rng.random() < 0.7 else side])
        paras = _answer_en(rng, pools, topic, side)
        if style == "qa":
            turn = [f"Q: {q}", f"A: {paras[0]}"] + paras[1:]
        else:
            turn = [f"{interviewer}: {q}", f"{ex.split()[1]}: {paras[0]}"] + paras[1:]
        size += sum(len(t) + 2 for t in turn)
        body.extend(turn)
    name = f"{i:05d}_{topic}_en.{'md' if md else 'txt'}"
    return name, "\n\n".join(head + body) + "\n"


def generate_corpus(dest: Path, n: int = 10_000, seed: int = 1) -> list[Path]:
    """Write ``n`` interviews under ``dest`` (created if needed); return their paths in order."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, text = interview_text(i, seed)
        path = dest / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def bench_corpus(n: int, folder: str | Path | None = None) -> tuple[Path, list[str]]:
    """The corpus the benchmarks share (``/tmp/kzreader-bench-N`` unless ``folder``), generated
    on first use: (its folder, its files in load order)."""
    try:
        from kzreader.core.sources.sources import iter_source_files
    except ImportError:  # a checkout from before the package layout (parse_profile.py --base)
        from kzreader.core.sources import iter_source_files

    folder = Path(folder or f"/tmp/kzreader-bench-{n}")
    if not folder.is_dir() or len(list(folder.iterdir())) < n:
        t = time.perf_counter()
        generate_corpus(folder, n)
        print(f"generated {n} files in {time.perf_counter() - t:.1f} s")
    return folder, list(iter_source_files([str(folder)]))[:n]


def read_decode(paths) -> tuple[float, int]:
    """(seconds, bytes) to read and decode ``paths`` the way the loader does, after a first
    pass that warms the page cache, so the figure compares with parsing from memory."""
    try:
        from kzreader.core.sources.sources import decode, normalise_newlines
    except ImportError:  # a checkout from before the package layout
        try:
            from kzreader.core.decoding import decode, normalise_newlines
        except ImportError:
            from kzreader.core.sources import decode, normalise_newlines

    def once() -> int:
        total = 0
        for p in paths:
            data = Path(p).read_bytes()
            total += len(data)
            normalise_newlines(decode(data)[0])
        return total

    once()
    t = time.perf_counter()
    nbytes = once()
    return time.perf_counter() - t, nbytes


def pool_bench_setup() -> tuple[argparse.Namespace, list[str], float, int]:
    """The command line shared by the per-process benchmarks (-n, --workers, --dir), then
    the corpus and its read+decode time: ``(args, paths, seconds, bytes)``."""
    import os

    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--dir", default=None)
    a = ap.parse_args()
    _, paths = bench_corpus(a.n, a.dir)
    t_read, nbytes = read_decode(paths)  # both sides then read from the page cache
    return a, paths, t_read, nbytes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dest", type=Path)
    ap.add_argument("-n", type=int, default=10_000, help="number of interviews (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    paths = generate_corpus(args.dest, args.n, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {total / 1e6:.1f} MB in {time.perf_counter() - t:.1f} s -> {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
