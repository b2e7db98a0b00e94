//! Demo service map for `kolega seed-demo`: about 180 services in fifteen
//! places of Serbia, Montenegro, Bosnia and Herzegovina and North
//! Macedonia, made from per-kind templates and per-place data. Big cities
//! get most kinds, small municipalities (Bela Palanka, Doljevac, Šid) only
//! a few, so the coverage table shows real-looking gaps. Every record is
//! `is_demo`; contacts are invented (numbers end in 00xx, e-mail on
//! example domains) and shelters' addresses are confidential. Running it
//! twice adds nothing.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

use super::store::{self, MunicipalityRow, Provenance, ServiceInput};
use crate::members::store::find_user_by_email;
use crate::text::search::slugify;

/// Who verified the demo entries.
const MODERATOR: &str = "milica.jovanovic@kolega.example";

/// The three ways the texts are written: Serbian Ekavian, Ijekavian
/// (Montenegro, Bosnia and Herzegovina) and Macedonian.
#[derive(Clone, Copy, PartialEq)]
enum Speech {
    Ekavian,
    Ijekavian,
    Macedonian,
}

/// One text in each speech; `{p}` is the place's name.
#[derive(Clone, Copy)]
struct Text(&'static str, &'static str, &'static str);

impl Text {
    fn get(&self, speech: Speech, place: &str) -> String {
        let text = match speech {
            Speech::Ekavian => self.0,
            Speech::Ijekavian => self.1,
            Speech::Macedonian => self.2,
        };
        text.replace("{p}", place)
    }
}

struct Kind {
    kind: &'static str,
    groups: &'static [&'static str],
    organization: Text,
    legal_status: Text,
    name: Text,
    description: Text,
    hours: Text,
    fees: Text,
    eligibility: Text,
    apply: Text,
    accessibility: Text,
    /// The service's mailbox (before `.<place>@…`).
    mailbox: &'static str,
    /// Institutions write from example.org, associations from kolega.example.
    institution: bool,
    confidential: bool,
}

const FREE: Text = Text("besplatno", "besplatno", "бесплатно");
const BY_DECISION: Text = Text(
    "po rešenju centra za socijalni rad",
    "po rješenju centra za socijalni rad",
    "според решение на центарот за социјална работа",
);
const WEEKDAYS: Text = Text(
    "radnim danima 8–16",
    "radnim danima 8–16",
    "работни денови 8–16",
);
const ALWAYS: Text = Text("0–24, svakog dana", "0–24, svakog dana", "0–24, секој ден");
const ANYONE: Text = Text(
    "Svi građani, bez uputa.",
    "Svi građani, bez uputa.",
    "Сите граѓани, без упат.",
);
const BY_PHONE: Text = Text(
    "Zakazivanje telefonom.",
    "Zakazivanje telefonom.",
    "Закажување по телефон.",
);
const NO_STEPS: Text = Text("ulaz bez stepenika", "ulaz bez stepenica", "влез без скали");
const NONE: Text = Text("", "", "");
const CSR: Text = Text(
    "Centar za socijalni rad {p}",
    "Centar za socijalni rad {p}",
    "Меѓуопштински центар за социјална работа {p}",
);
const CSR_STATUS: Text = Text(
    "ustanova socijalne zaštite",
    "javna ustanova socijalne zaštite",
    "јавна установа за социјална заштита",
);
const ASSOCIATION: Text = Text(
    "udruženje građana",
    "udruženje građana",
    "здружение на граѓани",
);

/// In the order of `Place::plan`.
const KINDS: [Kind; 14] = [
    Kind {
        kind: "social-work-centre",
        groups: &[
            "children",
            "families",
            "older-people",
            "disability",
            "violence-victims",
        ],
        organization: CSR,
        legal_status: CSR_STATUS,
        name: CSR,
        description: Text(
            "Prijem i procena, zaštita dece i porodice, starateljstvo, novčana socijalna pomoć i upućivanje na usluge u zajednici. Van radnog vremena hitne intervencije preko dežurnog radnika.",
            "Prijem i procjena, zaštita djece i porodice, starateljstvo, novčana socijalna pomoć i upućivanje na usluge u zajednici. Van radnog vremena hitne intervencije preko dežurnog radnika.",
            "Прием и проценка, заштита на деца и семејства, старателство, парична социјална помош и упатување на услуги во заедницата.",
        ),
        hours: Text(
            "radnim danima 7:30–15:30; dežurstvo 0–24",
            "radnim danima 7:30–15:30; dežurstvo 0–24",
            "работни денови 7:30–15:30",
        ),
        fees: FREE,
        eligibility: Text(
            "Građani sa prebivalištem ili boravištem u opštini.",
            "Građani sa prebivalištem ili boravištem u opštini.",
            "Граѓани со живеалиште на подрачјето на центарот.",
        ),
        apply: Text(
            "Lično, telefonom ili pisanim zahtevom; u hitnim slučajevima i preko policije.",
            "Lično, telefonom ili pisanim zahtjevom; u hitnim slučajevima i preko policije.",
            "Лично, по телефон или со писмено барање.",
        ),
        accessibility: NO_STEPS,
        mailbox: "kontakt",
        institution: true,
        confidential: false,
    },
    Kind {
        kind: "counselling",
        groups: &["families", "children"],
        organization: CSR,
        legal_status: CSR_STATUS,
        name: Text(
            "Savetovalište za brak i porodicu",
            "Savjetovalište za brak i porodicu",
            "Советувалиште за брак и семејство",
        ),
        description: Text(
            "Savetovanje parova i porodica u krizi, posredovanje pri razvodu i podrška roditeljima u vaspitanju dece.",
            "Savjetovanje parova i porodica u krizi, posredovanje pri razvodu i podrška roditeljima u vaspitanju djece.",
            "Советување на парови и семејства во криза и поддршка на родителите.",
        ),
        hours: Text(
            "utorkom i četvrtkom 12–18",
            "utorkom i četvrtkom 12–18",
            "вторник и четврток 12–18",
        ),
        fees: FREE,
        eligibility: ANYONE,
        apply: BY_PHONE,
        accessibility: NONE,
        mailbox: "savetovaliste",
        institution: true,
        confidential: false,
    },
    Kind {
        kind: "foster-care-support",
        groups: &["children", "families"],
        organization: CSR,
        legal_status: CSR_STATUS,
        name: Text(
            "Podrška hraniteljskim porodicama",
            "Podrška hraniteljskim porodicama",
            "Поддршка на згрижувачки семејства",
        ),
        description: Text(
            "Obuka budućih hranitelja, savetodavni rad i grupe podrške za hraniteljske porodice i decu na smeštaju.",
            "Obuka budućih hranitelja, savjetodavni rad i grupe podrške za hraniteljske porodice i djecu na smještaju.",
            "Обука на идни згрижувачи и групи за поддршка на згрижувачките семејства.",
        ),
        hours: WEEKDAYS,
        fees: FREE,
        eligibility: Text(
            "Hraniteljske porodice i oni koji to žele da postanu.",
            "Hraniteljske porodice i oni koji to žele da postanu.",
            "Згрижувачки семејства и идни згрижувачи.",
        ),
        apply: Text(
            "Javite se službi za porodični smeštaj centra.",
            "Javite se službi za porodični smještaj centra.",
            "Јавете се во центарот.",
        ),
        accessibility: NONE,
        mailbox: "hraniteljstvo",
        institution: true,
        confidential: false,
    },
    Kind {
        kind: "day-care",
        groups: &["children", "youth", "disability"],
        organization: CSR,
        legal_status: CSR_STATUS,
        name: Text(
            "Dnevni boravak za decu i mlade sa smetnjama u razvoju",
            "Dnevni boravak za djecu i mlade sa smetnjama u razvoju",
            "Дневен центар за деца и млади со попреченост",
        ),
        description: Text(
            "Celodnevni program razvoja veština, radne i kreativne radionice, obrok i prevoz za decu i mlade sa smetnjama u razvoju.",
            "Cjelodnevni program razvoja vještina, radne i kreativne radionice, obrok i prevoz za djecu i mlade sa smetnjama u razvoju.",
            "Дневни активности, работилници и оброк за деца и млади со попреченост.",
        ),
        hours: Text(
            "radnim danima 7–17",
            "radnim danima 7–17",
            "работни денови 7–17",
        ),
        fees: BY_DECISION,
        eligibility: Text(
            "Deca i mladi od 5 do 26 godina, po proceni centra.",
            "Djeca i mladi od 5 do 26 godina, po procjeni centra.",
            "Деца и млади од 5 до 26 години.",
        ),
        apply: Text(
            "Uputom centra za socijalni rad posle procene.",
            "Uputom centra za socijalni rad nakon procjene.",
            "Со упат од центарот по проценка.",
        ),
        accessibility: Text(
            "ulaz bez stepenika, prilagođen toalet",
            "ulaz bez stepenica, prilagođen toalet",
            "влез без скали, прилагоден тоалет",
        ),
        mailbox: "dnevni.boravak",
        institution: true,
        confidential: false,
    },
    Kind {
        kind: "day-care",
        groups: &["older-people"],
        organization: Text(
            "Gerontološki centar {p}",
            "Gerontološki centar {p}",
            "Геронтолошки центар {p}",
        ),
        legal_status: CSR_STATUS,
        name: Text(
            "Dnevni centar za starije",
            "Dnevni centar za starije",
            "Дневен центар за стари лица",
        ),
        description: Text(
            "Druženje, radionice, lagana fizička aktivnost, obrok i merenje pritiska za starije sugrađane koji žive sami.",
            "Druženje, radionice, lagana fizička aktivnost, obrok i mjerenje pritiska za starije sugrađane koji žive sami.",
            "Дружење, работилници и оброк за постари лица кои живеат сами.",
        ),
        hours: Text(
            "radnim danima 8–14",
            "radnim danima 8–14",
            "работни денови 8–14",
        ),
        fees: Text(
            "uz participaciju prema prihodima",
            "uz participaciju prema prihodima",
            "со партиципација според приходите",
        ),
        eligibility: Text(
            "Osobe starije od 65 godina.",
            "Osobe starije od 65 godina.",
            "Лица постари од 65 години.",
        ),
        apply: BY_PHONE,
        accessibility: NO_STEPS,
        mailbox: "dnevni.centar",
        institution: true,
        confidential: false,
    },
    Kind {
        kind: "home-care",
        groups: &["older-people", "disability"],
        organization: Text(
            "Udruženje „Ruka podrške“ {p}",
            "Udruženje „Ruka podrške“ {p}",
            "Здружение „Рака за поддршка“ {p}",
        ),
        legal_status: ASSOCIATION,
        name: Text(
            "Pomoć i nega u kući",
            "Pomoć i njega u kući",
            "Помош и нега во домот",
        ),
        description: Text(
            "Gerontodomaćice pomažu u kući: nabavka, higijena, priprema obroka, odlazak kod lekara. Za starije i osobe sa invaliditetom bez podrške porodice.",
            "Gerontodomaćice pomažu u kući: nabavka, higijena, priprema obroka, odlazak kod ljekara. Za starije i osobe sa invaliditetom bez podrške porodice.",
            "Геронтодомаќинки помагаат во домот: набавки, хигиена, подготовка на оброк.",
        ),
        hours: Text(
            "radnim danima 7–15",
            "radnim danima 7–15",
            "работни денови 7–15",
        ),
        fees: BY_DECISION,
        eligibility: Text(
            "Starije osobe i osobe sa invaliditetom koje žive same.",
            "Starije osobe i osobe sa invaliditetom koje žive same.",
            "Постари лица и лица со попреченост кои живеат сами.",
        ),
        apply: Text(
            "Zahtev se podnosi centru za socijalni rad.",
            "Zahtjev se podnosi centru za socijalni rad.",
            "Барање до центарот за социјална работа.",
        ),
        accessibility: NONE,
        mailbox: "pomoc.u.kuci",
        institution: false,
        confidential: false,
    },
    Kind {
        kind: "shelter",
        groups: &["violence-victims", "children"],
        organization: Text(
            "Sigurna kuća {p}",
            "Sigurna kuća {p}",
            "Центар за жртви на семејно насилство {p}",
        ),
        legal_status: CSR_STATUS,
        name: Text(
            "Sigurna kuća za žene i decu žrtve nasilja",
            "Sigurna kuća za žene i djecu žrtve nasilja",
            "Засолниште за жени и деца жртви на семејно насилство",
        ),
        description: Text(
            "Privremeni smeštaj, psihološka i pravna podrška za žene i decu koji su pretrpeli nasilje u porodici. Adresa se ne objavljuje.",
            "Privremeni smještaj, psihološka i pravna podrška za žene i djecu koji su pretrpjeli nasilje u porodici. Adresa se ne objavljuje.",
            "Привремено сместување, психолошка и правна поддршка. Адресата не се објавува.",
        ),
        hours: ALWAYS,
        fees: FREE,
        eligibility: Text(
            "Žene i deca u opasnosti od nasilja.",
            "Žene i djeca u opasnosti od nasilja.",
            "Жени и деца изложени на насилство.",
        ),
        apply: Text(
            "Preko centra za socijalni rad ili policije; u hitnim slučajevima odmah.",
            "Preko centra za socijalni rad ili policije; u hitnim slučajevima odmah.",
            "Преку центарот за социјална работа или полицијата.",
        ),
        accessibility: NONE,
        mailbox: "sigurna.kuca",
        institution: true,
        confidential: true,
    },
    Kind {
        kind: "sos-line",
        groups: &["violence-victims", "children", "families"],
        organization: Text(
            "Ženski centar {p}",
            "Ženski centar {p}",
            "Женски центар {p}",
        ),
        legal_status: ASSOCIATION,
        name: Text(
            "SOS linija za žene i decu žrtve nasilja",
            "SOS linija za žene i djecu žrtve nasilja",
            "СОС линија за жени и деца жртви на насилство",
        ),
        description: Text(
            "Poverljiv razgovor, informacije i upućivanje na sigurnu kuću, centar za socijalni rad i pravnu pomoć. Možete zvati anonimno.",
            "Povjerljiv razgovor, informacije i upućivanje na sigurnu kuću, centar za socijalni rad i pravnu pomoć. Možete zvati anonimno.",
            "Доверлив разговор и упатување на засолниште и правна помош. Можете да се јавите анонимно.",
        ),
        hours: ALWAYS,
        fees: FREE,
        eligibility: ANYONE,
        apply: Text(
            "Pozovite; ime nije potrebno.",
            "Pozovite; ime nije potrebno.",
            "Јавете се; име не е потребно.",
        ),
        accessibility: NONE,
        mailbox: "sos",
        institution: false,
        confidential: false,
    },
    Kind {
        kind: "counselling",
        groups: &["youth"],
        organization: Text(
            "Omladinski centar {p}",
            "Omladinski centar {p}",
            "Младински центар {p}",
        ),
        legal_status: ASSOCIATION,
        name: Text(
            "Savetovalište za mlade",
            "Savjetovalište za mlade",
            "Советувалиште за млади",
        ),
        description: Text(
            "Besplatni razgovori sa psihologom za mlade od 15 do 26 godina: stres, odnosi u porodici, vršnjačko nasilje, zavisnosti.",
            "Besplatni razgovori sa psihologom za mlade od 15 do 26 godina: stres, odnosi u porodici, vršnjačko nasilje, zavisnosti.",
            "Бесплатни разговори со психолог за млади од 15 до 26 години.",
        ),
        hours: Text(
            "radnim danima 12–20",
            "radnim danima 12–20",
            "работни денови 12–20",
        ),
        fees: FREE,
        eligibility: ANYONE,
        apply: BY_PHONE,
        accessibility: NO_STEPS,
        mailbox: "mladi",
        institution: false,
        confidential: false,
    },
    Kind {
        kind: "counselling",
        groups: &["migrants", "families", "children"],
        organization: Text(
            "Info-centar za izbeglice i migrante {p}",
            "Info-centar za izbjeglice i migrante {p}",
            "Инфо-центар за бегалци и мигранти {p}",
        ),
        legal_status: ASSOCIATION,
        name: Text(
            "Pravno i psihosocijalno savetovanje za izbeglice i migrante",
            "Pravno i psihosocijalno savjetovanje za izbjeglice i migrante",
            "Правно и психосоцијално советување за бегалци и мигранти",
        ),
        description: Text(
            "Informacije o azilu i pravima, pomoć pri upisu dece u školu i pristupu zdravstvenoj zaštiti; prevodioci za arapski, farsi i engleski.",
            "Informacije o azilu i pravima, pomoć pri upisu djece u školu i pristupu zdravstvenoj zaštiti; prevodioci za arapski, farsi i engleski.",
            "Информации за азил и права, помош за запишување на децата во училиште; преведувачи за арапски, фарси и англиски.",
        ),
        hours: Text(
            "radnim danima 9–17",
            "radnim danima 9–17",
            "работни денови 9–17",
        ),
        fees: FREE,
        eligibility: ANYONE,
        apply: Text(
            "Dođite bez zakazivanja.",
            "Dođite bez zakazivanja.",
            "Дојдете без закажување.",
        ),
        accessibility: NONE,
        mailbox: "info",
        institution: false,
        confidential: false,
    },
    Kind {
        kind: "counselling",
        groups: &["roma", "families", "children"],
        organization: Text(
            "Romski centar za podršku {p}",
            "Romski centar za podršku {p}",
            "Ромски центар за поддршка {p}",
        ),
        legal_status: ASSOCIATION,
        name: Text(
            "Podrška romskim porodicama",
            "Podrška romskim porodicama",
            "Поддршка на ромски семејства",
        ),
        description: Text(
            "Pomoć pri pribavljanju ličnih dokumenata, upisu dece u školu i ostvarivanju prava na socijalnu i zdravstvenu zaštitu; zdravstvene medijatorke na terenu.",
            "Pomoć pri pribavljanju ličnih dokumenata, upisu djece u školu i ostvarivanju prava na socijalnu i zdravstvenu zaštitu; zdravstvene medijatorke na terenu.",
            "Помош за лични документи, запишување на децата во училиште и остварување на социјални права.",
        ),
        hours: WEEKDAYS,
        fees: FREE,
        eligibility: ANYONE,
        apply: Text(
            "Dođite ili pozovite.",
            "Dođite ili pozovite.",
            "Дојдете или јавете се.",
        ),
        accessibility: NONE,
        mailbox: "romi",
        institution: false,
        confidential: false,
    },
    Kind {
        kind: "personal-assistance",
        groups: &["disability"],
        organization: Text(
            "Centar za samostalni život osoba sa invaliditetom {p}",
            "Centar za samostalni život osoba sa invaliditetom {p}",
            "Центар за самостоен живот на лица со попреченост {p}",
        ),
        legal_status: ASSOCIATION,
        name: Text(
            "Personalna asistencija",
            "Personalna asistencija",
            "Лична асистенција",
        ),
        description: Text(
            "Personalni asistenti pomažu odraslim osobama sa invaliditetom u svakodnevnim aktivnostima, na poslu i u školovanju, do 40 sati nedeljno.",
            "Personalni asistenti pomažu odraslim osobama sa invaliditetom u svakodnevnim aktivnostima, na poslu i u školovanju, do 40 sati sedmično.",
            "Лични асистенти им помагаат на возрасни лица со попреченост во секојдневните активности.",
        ),
        hours: WEEKDAYS,
        fees: BY_DECISION,
        eligibility: Text(
            "Odrasle osobe sa invaliditetom, po proceni centra za socijalni rad.",
            "Odrasle osobe sa invaliditetom, po procjeni centra za socijalni rad.",
            "Возрасни лица со попреченост.",
        ),
        apply: BY_PHONE,
        accessibility: NO_STEPS,
        mailbox: "asistencija",
        institution: false,
        confidential: false,
    },
    Kind {
        kind: "supported-housing",
        groups: &["youth"],
        organization: Text(
            "Udruženje „Most“ {p}",
            "Udruženje „Most“ {p}",
            "Здружение „Мост“ {p}",
        ),
        legal_status: ASSOCIATION,
        name: Text(
            "Stanovanje uz podršku za mlade koji se osamostaljuju",
            "Stanovanje uz podršku za mlade koji se osamostaljuju",
            "Станување со поддршка за млади",
        ),
        description: Text(
            "Stan i podrška stručnog radnika do dve godine za mlade koji napuštaju dom za decu ili hraniteljsku porodicu.",
            "Stan i podrška stručnog radnika do dvije godine za mlade koji napuštaju dom za djecu ili hraniteljsku porodicu.",
            "Стан и поддршка до две години за млади кои излегуваат од згрижување.",
        ),
        hours: WEEKDAYS,
        fees: BY_DECISION,
        eligibility: Text(
            "Mladi od 18 do 26 godina.",
            "Mladi od 18 do 26 godina.",
            "Млади од 18 до 26 години.",
        ),
        apply: Text(
            "Uputom centra za socijalni rad.",
            "Uputom centra za socijalni rad.",
            "Со упат од центарот за социјална работа.",
        ),
        accessibility: NONE,
        mailbox: "stanovanje",
        institution: false,
        confidential: false,
    },
    Kind {
        kind: "soup-kitchen",
        groups: &["homeless", "older-people", "roma", "families"],
        organization: Text("Crveni krst {p}", "Crveni krst {p}", "Црвен крст {p}"),
        legal_status: Text(
            "humanitarna organizacija",
            "humanitarna organizacija",
            "хуманитарна организација",
        ),
        name: Text("Narodna kuhinja", "Narodna kuhinja", "Народна кујна"),
        description: Text(
            "Jedan topli obrok dnevno za socijalno ugrožene porodice, samce i beskućnike; paketi hrane i higijene jednom mesečno.",
            "Jedan topli obrok dnevno za socijalno ugrožene porodice, samce i beskućnike; paketi hrane i higijene jednom mjesečno.",
            "Еден топол оброк дневно за социјално загрозени семејства и бездомници.",
        ),
        hours: Text(
            "radnim danima 11–13",
            "radnim danima 11–13",
            "работни денови 11–13",
        ),
        fees: FREE,
        eligibility: Text(
            "Uz rešenje centra za socijalni rad ili preporuku Crvenog krsta.",
            "Uz rješenje centra za socijalni rad ili preporuku Crvenog krsta.",
            "Со решение од центарот или препорака од Црвен крст.",
        ),
        apply: Text(
            "Javite se Crvenom krstu.",
            "Javite se Crvenom krstu.",
            "Јавете се во Црвен крст.",
        ),
        accessibility: NO_STEPS,
        mailbox: "kuhinja",
        institution: false,
        confidential: false,
    },
];

struct Place {
    name: &'static str,
    country: &'static str,
    /// The name as the texts write it (Skopje's in Cyrillic).
    local_name: &'static str,
    speech: Speech,
    postal_code: &'static str,
    /// "+381 17" and the first digits of the subscriber number; the
    /// number ends in 00xx, so it is clearly invented.
    dial: &'static str,
    exchange: &'static str,
    streets: &'static [&'static str],
    /// Neighbourhoods, for a second or third service of the same kind.
    quarters: &'static [&'static str],
    languages: &'static [&'static str],
    /// How many services of each of `KINDS`.
    plan: [u8; 14],
}

const PLACES: [Place; 15] = [
    Place {
        name: "Beograd",
        country: "RS",
        local_name: "Beograd",
        speech: Speech::Ekavian,
        postal_code: "11000",
        dial: "+381 11",
        exchange: "300",
        streets: &[
            "Ruzveltova",
            "Bulevar kralja Aleksandra",
            "Nemanjina",
            "Takovska",
            "Cara Lazara",
        ],
        quarters: &["Dorćol", "Karaburma", "Banovo brdo"],
        languages: &["sr", "en"],
        plan: [1, 2, 1, 2, 3, 3, 2, 2, 2, 2, 1, 2, 2, 3],
    },
    Place {
        name: "Novi Sad",
        country: "RS",
        local_name: "Novi Sad",
        speech: Speech::Ekavian,
        postal_code: "21000",
        dial: "+381 21",
        exchange: "47",
        streets: &["Zmaj Jovina", "Bulevar oslobođenja", "Futoška", "Jevrejska"],
        quarters: &["Liman", "Detelinara", "Podbara"],
        languages: &["sr", "hu"],
        plan: [1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 2, 1, 2],
    },
    Place {
        name: "Niš",
        country: "RS",
        local_name: "Niš",
        speech: Speech::Ekavian,
        postal_code: "18000",
        dial: "+381 18",
        exchange: "52",
        streets: &[
            "Obrenovićeva",
            "Vožda Karađorđa",
            "Bulevar Nemanjića",
            "Generala Milojka Lešjanina",
        ],
        quarters: &["Pantelej", "Duvanište", "Palilula"],
        languages: &["sr"],
        plan: [1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 2],
    },
    Place {
        name: "Vranje",
        country: "RS",
        local_name: "Vranje",
        speech: Speech::Ekavian,
        postal_code: "17500",
        dial: "+381 17",
        exchange: "42",
        streets: &[
            "Kralja Milana",
            "Partizanska",
            "Bore Stankovića",
            "Stefana Prvovenčanog",
        ],
        quarters: &["Sever", "Raška"],
        languages: &["sr", "rom"],
        plan: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1],
    },
    Place {
        name: "Bela Palanka",
        country: "RS",
        local_name: "Bela Palanka",
        speech: Speech::Ekavian,
        postal_code: "18320",
        dial: "+381 18",
        exchange: "85",
        streets: &["Srpskih vladara", "Partizanska"],
        quarters: &[],
        languages: &["sr"],
        plan: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    Place {
        name: "Doljevac",
        country: "RS",
        local_name: "Doljevac",
        speech: Speech::Ekavian,
        postal_code: "18410",
        dial: "+381 18",
        exchange: "81",
        streets: &["Nikole Tesle", "Vojvode Mišića"],
        quarters: &[],
        languages: &["sr", "rom"],
        plan: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0],
    },
    Place {
        name: "Šid",
        country: "RS",
        local_name: "Šid",
        speech: Speech::Ekavian,
        postal_code: "22240",
        dial: "+381 22",
        exchange: "71",
        streets: &["Karađorđeva", "Svetog Save", "Cara Dušana"],
        quarters: &["Berkasovo"],
        languages: &["sr", "en"],
        plan: [1, 0, 1, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0],
    },
    Place {
        name: "Vrbas",
        country: "RS",
        local_name: "Vrbas",
        speech: Speech::Ekavian,
        postal_code: "21460",
        dial: "+381 21",
        exchange: "70",
        streets: &["Maršala Tita", "Palih boraca", "Save Kovačevića"],
        quarters: &[],
        languages: &["sr", "hu"],
        plan: [1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1],
    },
    Place {
        name: "Sremska Mitrovica",
        country: "RS",
        local_name: "Sremska Mitrovica",
        speech: Speech::Ekavian,
        postal_code: "22000",
        dial: "+381 22",
        exchange: "62",
        streets: &["Stari šor", "Kralja Petra I", "Svetog Dimitrija"],
        quarters: &[],
        languages: &["sr"],
        plan: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1],
    },
    Place {
        name: "Podgorica",
        country: "ME",
        local_name: "Podgorica",
        speech: Speech::Ijekavian,
        postal_code: "81000",
        dial: "+382 20",
        exchange: "60",
        streets: &[
            "Bulevar Svetog Petra Cetinjskog",
            "Njegoševa",
            "Vaka Đurovića",
            "Ulica slobode",
        ],
        quarters: &["Zabjelo", "Preko Morače"],
        languages: &["cnr", "sr"],
        plan: [1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1],
    },
    Place {
        name: "Budva",
        country: "ME",
        local_name: "Budva",
        speech: Speech::Ijekavian,
        postal_code: "85310",
        dial: "+382 33",
        exchange: "45",
        streets: &["Mediteranska", "Trg sunca"],
        quarters: &[],
        languages: &["cnr", "en"],
        plan: [1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    Place {
        name: "Cetinje",
        country: "ME",
        local_name: "Cetinje",
        speech: Speech::Ijekavian,
        postal_code: "81250",
        dial: "+382 41",
        exchange: "23",
        streets: &["Njegoševa", "Baja Pivljanina", "Bajova"],
        quarters: &[],
        languages: &["cnr"],
        plan: [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1],
    },
    Place {
        name: "Sarajevo",
        country: "BA",
        local_name: "Sarajevo",
        speech: Speech::Ijekavian,
        postal_code: "71000",
        dial: "+387 33",
        exchange: "20",
        streets: &[
            "Zmaja od Bosne",
            "Maršala Tita",
            "Hamdije Kreševljakovića",
            "Ferhadija",
        ],
        quarters: &["Grbavica", "Alipašino polje", "Baščaršija"],
        languages: &["bs", "hr", "sr"],
        plan: [1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 2],
    },
    Place {
        name: "Banja Luka",
        country: "BA",
        local_name: "Banja Luka",
        speech: Speech::Ijekavian,
        postal_code: "78000",
        dial: "+387 51",
        exchange: "21",
        streets: &["Kralja Petra I Karađorđevića", "Gundulićeva", "Vidovdanska"],
        quarters: &["Borik", "Starčevica"],
        languages: &["sr", "bs"],
        plan: [1, 1, 1, 1, 1, 2, 1, 1, 1, 0, 0, 1, 1, 1],
    },
    Place {
        name: "Skopje",
        country: "MK",
        local_name: "Скопје",
        speech: Speech::Macedonian,
        postal_code: "1000",
        dial: "+389 2",
        exchange: "310",
        streets: &["бул. Партизански одреди", "ул. Македонија", "бул. Илинден"],
        quarters: &["Карпош", "Аеродром"],
        languages: &["mk", "sq"],
        plan: [1, 1, 1, 1, 1, 2, 1, 1, 1, 0, 1, 1, 0, 1],
    },
];

/// Seeds the demo services; returns how many it created.
pub async fn seed(pool: &PgPool) -> anyhow::Result<usize> {
    let verified_by = find_user_by_email(pool, MODERATOR)
        .await?
        .map(|u| u.user_id);
    let municipalities = store::municipalities(pool).await?;
    let now = Utc::now();
    let mut created = 0;
    let mut n: i64 = 0;
    for place in &PLACES {
        let Some(municipality) = municipalities
            .iter()
            .find(|m| m.country_code == place.country && m.name == place.name)
        else {
            continue;
        };
        let mut number = 30;
        for (template, count) in KINDS.iter().zip(place.plan) {
            for copy in 0..usize::from(count) {
                n += 1;
                number += 1;
                let input = service(place, template, copy, number, municipality, n);
                let exists: bool = sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM services WHERE is_demo AND name = $1 AND municipality_id = $2)",
                )
                .bind(&input.name)
                .bind(input.municipality_id)
                .fetch_one(pool)
                .await?;
                if exists {
                    continue;
                }
                let provenance = Provenance {
                    is_demo: true,
                    last_verified_at: Some(verified_at(now, n)),
                    verified_by,
                    ..Provenance::default()
                };
                let mut tx = pool.begin().await?;
                store::create(&mut tx, &input, &provenance, now - Duration::days(600 - n)).await?;
                tx.commit().await?;
                created += 1;
            }
        }
    }
    Ok(created)
}

/// The `copy`-th service of a kind in a place (copies after the first
/// carry a neighbourhood in their name, so every name is unique there).
fn service(
    place: &Place,
    kind: &Kind,
    copy: usize,
    number: u32,
    municipality: &MunicipalityRow,
    n: i64,
) -> ServiceInput {
    let (municipality_id, seat) = (
        municipality.municipality_id,
        (municipality.latitude, municipality.longitude),
    );
    // A centre for social work's services share its number; others have their own.
    let organization_no = 10
        + KINDS
            .iter()
            .position(|k| k.organization.0 == kind.organization.0)
            .unwrap_or(0) as u32;
    let text = |t: &Text| t.get(place.speech, place.local_name);
    let quarter = match copy {
        0 => None,
        _ => place.quarters.get(copy - 1).copied().or(Some("2")),
    };
    let mut name = text(&kind.name);
    if let Some(quarter) = quarter {
        name = format!("{name} — {quarter}");
    }
    let organization_name = text(&kind.organization);
    let domain = if kind.institution {
        "example.org"
    } else {
        "kolega.example"
    };
    let place_slug = slugify(place.name).replace('-', "");
    let organization_slug = slugify(&macedonian_latin(&organization_name));
    let street = place.streets[(n as usize * 7) % place.streets.len()];
    // Small deterministic offsets (a few hundred metres) around the seat.
    let offset = |k: i64| ((n * k) % 21 - 10) as f64 * 0.0011;
    ServiceInput {
        organization_description: String::new(),
        organization_website: format!("https://{organization_slug}.example.org"),
        organization_email: format!("{organization_slug}@{domain}"),
        organization_phone: phone(place, organization_no),
        organization_legal_status: text(&kind.legal_status),
        organization_name,
        name,
        description: text(&kind.description),
        kind: kind.kind.into(),
        target_groups: kind.groups.iter().map(|g| g.to_string()).collect(),
        eligibility: text(&kind.eligibility),
        fees: text(&kind.fees),
        languages: place.languages.iter().map(|l| l.to_string()).collect(),
        hours: text(&kind.hours),
        application_process: text(&kind.apply),
        email: format!("{}.{place_slug}@{domain}", kind.mailbox),
        phone: phone(place, number),
        url: String::new(),
        contact_name: String::new(),
        location_name: quarter.filter(|q| *q != "2").unwrap_or_default().to_owned(),
        address: if kind.confidential {
            String::new()
        } else {
            format!("{street} {}", 1 + (n * 13) % 90)
        },
        postal_code: place.postal_code.into(),
        municipality_id,
        address_confidential: kind.confidential,
        latitude: Some(seat.0 + offset(7)),
        longitude: Some(seat.1 + offset(11)),
        accessibility: text(&kind.accessibility),
    }
}

/// Macedonian letters Serbian transliteration does not know, then the rest.
fn macedonian_latin(text: &str) -> String {
    let text = text
        .replace('ѓ', "gj")
        .replace('ќ', "kj")
        .replace('ѕ', "dz");
    crate::text::translit::to_latin(&text)
}

/// "+381 17 42 0031": the area code, then a number ending in 00xx.
fn phone(place: &Place, number: u32) -> String {
    format!("{} {} 00{:02}", place.dial, place.exchange, number % 100)
}

/// Spread over the last eighteen months, so about a third are stale.
fn verified_at(now: DateTime<Utc>, n: i64) -> DateTime<Utc> {
    now - Duration::days(5 + (n * 53) % 540)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_makes_enough_services_with_invented_numbers() {
        let total: u32 = PLACES.iter().flat_map(|p| p.plan).map(u32::from).sum();
        assert!(total >= 150, "{total}");
        for place in &PLACES {
            assert_eq!(
                place.plan[0], 1,
                "{} has its centre for social work",
                place.name
            );
            let number = phone(place, 42);
            assert!(number.ends_with(" 0042"), "{number}");
            assert!(number.starts_with('+'), "{number}");
        }
        assert_eq!(phone(&PLACES[3], 31), "+381 17 42 0031");
    }
}
