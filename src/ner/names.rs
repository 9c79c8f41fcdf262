//! PER / ORG / LOC / MISC names: a first, simple method (to be replaced by a trained tagger).
//!
//! 1. **Candidates** are runs of capitalised words (`Ashraf Ghani`, `Jean-Yves Le Drian`,
//!    `N. Belloubet`), extended
//!    * by lower-case words that continue names in the training corpus (`Assemblée nationale`,
//!      `État islamique`, `Jeux olympiques`),
//!    * across `de`/`du`/`des`/`d'` (+ `la`/`l'`) to a capitalised word after heads that keep
//!      them (`Vallée d'Aoste`, `Cour supérieure du Québec`, `Organisation mondiale de la Santé`),
//!    * or by the longest known multi-word name of the gazetteer
//!      (`Haute Autorité pour la transparence de la vie publique`);
//!    * lower-case heads open a name: `ministère de l'Intérieur` (ORG), `affaire Benalla`
//!      (MISC), `chemin Sainte-Foy` (LOC).
//!
//!    Titles (`M.`, `Mme`, `Dr`) stay outside and make the next name a person; determiners and
//!    elided articles are never part of a name (`l'Élysée` → `Élysée`).
//! 2. **Filters**: a capitalised word at a sentence start (`Le`, `Selon`, `Cette`) or a word that
//!    is mostly not a name in the corpus (`Français`, `Premier`) is not a name on its own.
//! 3. **Labels**, first rule that answers: a title before (`M.`, `Mme`) → PER; the gazetteer's
//!    counts for the exact string; a function word before (`le président`) → PER; a head word
//!    (`Université`, `Jeux`, `Lac`); a lower-case descriptor before (`l'agence`, `la ville de`,
//!    `le film`); an organisation marker inside (`FC`, `Airlines`); votes of the words' own label
//!    counts; then by shape: a word with digits → MISC, an acronym → ORG, any other unknown
//!    single word → LOC, several unknown words → PER (the most frequent cases in WiNER-fr).
//! 4. **Document consistency**: a lone word that is the surname of a person named earlier or
//!    later in the text is that person (`Butore` after `Joseph Butore`).

use super::gazetteer::{gazetteer, key_form, Counts, Gazetteer};
use super::words::{Gap, Kind, Words};
use crate::annotation::Label;

const LABELS: [Label; 4] = [Label::PER, Label::ORG, Label::LOC, Label::MISC];

/// Honorifics before a person's name; never part of the PER span.
const TITLES: &[&str] = &[
    "M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Dr", "Dr.", "Pr", "Pr.", "Mgr", "Maître",
    "Sir", "Lord", "Lady",
];

/// Lower-case words (functions, roles) that announce a person's name right after them.
const PERSON_TRIGGERS: &[&str] = &[
    "président",
    "présidente",
    "ministre",
    "chancelier",
    "chancelière",
    "roi",
    "reine",
    "prince",
    "princesse",
    "pape",
    "député",
    "députée",
    "sénateur",
    "sénatrice",
    "maire",
    "juge",
    "avocat",
    "avocate",
    "procureur",
    "procureure",
    "porte-parole",
    "secrétaire",
    "directeur",
    "directrice",
    "chef",
    "dirigeant",
    "dirigeante",
    "leader",
    "candidat",
    "candidate",
    "entraîneur",
    "sélectionneur",
    "joueur",
    "joueuse",
    "attaquant",
    "défenseur",
    "gardien",
    "pilote",
    "coureur",
    "coureuse",
    "athlète",
    "nageur",
    "nageuse",
    "skieur",
    "skieuse",
    "acteur",
    "actrice",
    "chanteur",
    "chanteuse",
    "écrivain",
    "écrivaine",
    "auteur",
    "autrice",
    "réalisateur",
    "réalisatrice",
    "journaliste",
    "photographe",
    "artiste",
    "comédien",
    "comédienne",
    "humoriste",
    "cinéaste",
    "animateur",
    "animatrice",
    "producteur",
    "productrice",
    "compositeur",
    "musicien",
    "musicienne",
    "peintre",
    "sculpteur",
    "architecte",
    "philosophe",
    "historien",
    "historienne",
    "professeur",
    "professeure",
    "docteur",
    "chercheur",
    "chercheuse",
    "astronaute",
    "général",
    "colonel",
    "capitaine",
    "commandant",
    "lieutenant",
    "sergent",
    "caporal",
    "soldat",
    "imam",
    "rabbin",
    "évêque",
    "archevêque",
    "cardinal",
    "abbé",
    "père",
    "frère",
    "sœur",
    "cheikh",
    "émir",
    "dictateur",
    "opposant",
    "opposante",
    "militant",
    "militante",
    "fondateur",
    "fondatrice",
    "pdg",
    "patron",
    "patronne",
    "épouse",
    "mari",
    "fils",
    "fille",
    "veuve",
    "gouverneur",
    "commissaire",
    "préfet",
    "préfète",
    "ambassadeur",
    "ambassadrice",
    "émissaire",
    "vice-président",
    "vice-présidente",
    "homologue",
    "successeur",
    "prédécesseur",
    "rival",
    "rivale",
    "adversaire",
    "coéquipier",
    "coéquipière",
    "champion",
    "championne",
    "médaillé",
    "médaillée",
    "vainqueur",
    "lauréat",
    "lauréate",
    "suspect",
    "meurtrier",
    "tireur",
    "assaillant",
    "victime",
    "otage",
    "monsieur",
    "madame",
    "saint",
    "sainte",
    "cousin",
    "cousine",
    "oncle",
    "tante",
    "neveu",
    "nièce",
    "collègue",
    "conseiller",
    "conseillère",
    "élu",
    "élue",
    "porte-drapeau",
    "capitaine",
    "arbitre",
    "cycliste",
    "footballeur",
    "tennisman",
    "boxeur",
    "judoka",
    "chef",
    "cheffe",
    "ex-président",
    "ex-ministre",
    "ancien",
    "ancienne",
    "feu",
    "signé",
    "signée",
    "baptisé",
    "baptisée",
    "surnommé",
    "surnommée",
    "nommé",
    "nommée",
    "prénommé",
    "prénommée",
    "dénommé",
    "dénommée",
];

/// Lower-case descriptors before a name, and the label they give (`l'agence Anatolie`,
/// `la ville de Wesh`, `le film Titanic`).
const DESCRIPTORS: &[(&str, Label)] = &[
    ("agence", Label::ORG),
    ("journal", Label::ORG),
    ("quotidien", Label::ORG),
    ("hebdomadaire", Label::ORG),
    ("magazine", Label::ORG),
    ("chaîne", Label::ORG),
    ("radio", Label::ORG),
    ("parti", Label::ORG),
    ("groupe", Label::ORG),
    ("société", Label::ORG),
    ("entreprise", Label::ORG),
    ("firme", Label::ORG),
    ("constructeur", Label::ORG),
    ("compagnie", Label::ORG),
    ("banque", Label::ORG),
    ("club", Label::ORG),
    ("syndicat", Label::ORG),
    ("association", Label::ORG),
    ("organisation", Label::ORG),
    ("ong", Label::ORG),
    ("fondation", Label::ORG),
    ("opérateur", Label::ORG),
    ("fabricant", Label::ORG),
    ("géant", Label::ORG),
    ("enseigne", Label::ORG),
    ("éditeur", Label::ORG),
    ("studio", Label::ORG),
    ("site", Label::ORG),
    ("réseau", Label::ORG),
    ("équipe", Label::ORG),
    ("ville", Label::LOC),
    ("commune", Label::LOC),
    ("village", Label::LOC),
    ("région", Label::LOC),
    ("province", Label::LOC),
    ("département", Label::LOC),
    ("quartier", Label::LOC),
    ("capitale", Label::LOC),
    ("pays", Label::LOC),
    ("île", Label::LOC),
    ("comté", Label::LOC),
    ("district", Label::LOC),
    ("localité", Label::LOC),
    ("banlieue", Label::LOC),
    ("municipalité", Label::LOC),
    ("arrondissement", Label::LOC),
    ("canton", Label::LOC),
    ("territoire", Label::LOC),
    ("aéroport", Label::LOC),
    ("gare", Label::LOC),
    ("port", Label::LOC),
    ("rue", Label::LOC),
    ("avenue", Label::LOC),
    ("boulevard", Label::LOC),
    ("place", Label::LOC),
    ("pont", Label::LOC),
    ("fleuve", Label::LOC),
    ("rivière", Label::LOC),
    ("lac", Label::LOC),
    ("mont", Label::LOC),
    ("vallée", Label::LOC),
    ("désert", Label::LOC),
    ("plage", Label::LOC),
    ("station", Label::LOC),
    ("parquet", Label::LOC),
    ("église", Label::LOC),
    ("cathédrale", Label::LOC),
    ("mosquée", Label::LOC),
    ("hôpital", Label::LOC),
    ("prison", Label::LOC),
    ("film", Label::MISC),
    ("livre", Label::MISC),
    ("roman", Label::MISC),
    ("album", Label::MISC),
    ("série", Label::MISC),
    ("émission", Label::MISC),
    ("chanson", Label::MISC),
    ("opération", Label::MISC),
    ("festival", Label::MISC),
    ("jeu", Label::MISC),
    ("logiciel", Label::MISC),
    ("application", Label::MISC),
    ("satellite", Label::MISC),
    ("sonde", Label::MISC),
    ("navire", Label::MISC),
    ("fusée", Label::MISC),
    ("ouragan", Label::MISC),
    ("tempête", Label::MISC),
    ("cyclone", Label::MISC),
    ("typhon", Label::MISC),
    ("loi", Label::MISC),
    ("traité", Label::MISC),
    ("prix", Label::MISC),
    ("trophée", Label::MISC),
    ("tournoi", Label::MISC),
];

/// Capitalised head words and the label of the name they start (`Université de …` is ORG).
const HEADS: &[(&str, Label)] = &[
    ("Assemblée", Label::ORG),
    ("Sénat", Label::ORG),
    ("Parlement", Label::ORG),
    ("Conseil", Label::ORG),
    ("Cour", Label::ORG),
    ("Tribunal", Label::ORG),
    ("Gouvernement", Label::ORG),
    ("Ministère", Label::ORG),
    ("Commission", Label::ORG),
    ("Comité", Label::ORG),
    ("Organisation", Label::ORG),
    ("Office", Label::ORG),
    ("Agence", Label::ORG),
    ("Autorité", Label::ORG),
    ("Haute", Label::ORG),
    ("Haut-Commissariat", Label::ORG),
    ("Direction", Label::ORG),
    ("Chambre", Label::ORG),
    ("Banque", Label::ORG),
    ("Fonds", Label::ORG),
    ("Fédération", Label::ORG),
    ("Confédération", Label::ORG),
    ("Association", Label::ORG),
    ("Syndicat", Label::ORG),
    ("Parti", Label::ORG),
    ("Front", Label::ORG),
    ("Mouvement", Label::ORG),
    ("Alliance", Label::ORG),
    ("Institut", Label::ORG),
    ("Université", Label::ORG),
    ("Académie", Label::ORG),
    ("Centre", Label::ORG),
    ("Observatoire", Label::ORG),
    ("Bureau", Label::ORG),
    ("Service", Label::ORG),
    ("Armée", Label::ORG),
    ("Forces", Label::ORG),
    ("Ligue", Label::ORG),
    ("Fondation", Label::ORG),
    ("École", Label::ORG),
    ("Orchestre", Label::ORG),
    ("Secrétariat", Label::ORG),
    ("Préfecture", Label::ORG),
    ("Parquet", Label::ORG),
    ("Union", Label::ORG),
    ("Communauté", Label::ORG),
    ("Société", Label::ORG),
    ("Compagnie", Label::ORG),
    ("Groupe", Label::ORG),
    ("Caisse", Label::ORG),
    ("Jeux", Label::MISC),
    ("Coupe", Label::MISC),
    ("Championnat", Label::MISC),
    ("Championnats", Label::MISC),
    ("Festival", Label::MISC),
    ("Prix", Label::MISC),
    ("Salon", Label::MISC),
    ("Trophée", Label::MISC),
    ("Open", Label::MISC),
    ("Rallye", Label::MISC),
    ("Mondial", Label::MISC),
    ("Euro", Label::MISC),
    ("Guerre", Label::MISC),
    ("Bataille", Label::MISC),
    ("Traité", Label::MISC),
    ("Accords", Label::MISC),
    ("Loi", Label::MISC),
    ("Opération", Label::MISC),
    ("Journées", Label::MISC),
    ("Journée", Label::MISC),
    ("Sommet", Label::MISC),
    ("Concours", Label::MISC),
    ("Marathon", Label::MISC),
    ("Mont", Label::LOC),
    ("Monts", Label::LOC),
    ("Lac", Label::LOC),
    ("Île", Label::LOC),
    ("Îles", Label::LOC),
    ("Rue", Label::LOC),
    ("Avenue", Label::LOC),
    ("Boulevard", Label::LOC),
    ("Place", Label::LOC),
    ("Pont", Label::LOC),
    ("Gare", Label::LOC),
    ("Aéroport", Label::LOC),
    ("Port", Label::LOC),
    ("Vallée", Label::LOC),
    ("Golfe", Label::LOC),
    ("Mer", Label::LOC),
    ("Océan", Label::LOC),
    ("Cap", Label::LOC),
    ("Baie", Label::LOC),
    ("Col", Label::LOC),
    ("Massif", Label::LOC),
    ("Forêt", Label::LOC),
    ("Canal", Label::LOC),
    ("Détroit", Label::LOC),
    ("Province", Label::LOC),
    ("Cathédrale", Label::LOC),
    ("Basilique", Label::LOC),
    ("Primatiale", Label::LOC),
    ("Mosquée", Label::LOC),
    ("Château", Label::LOC),
    ("Palais", Label::LOC),
    ("Stade", Label::LOC),
    ("Quai", Label::LOC),
];

/// Lower-case words that may continue an institution name after its capitalised head
/// (`Chambre de commerce et d'industrie`, `Cour de cassation`): checked only after a head of
/// [`HEADS`] labelled ORG or MISC.
fn is_adjective_like(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "al", "ale", "aux", "ales", "el", "elle", "els", "elles", "ique", "iques", "ien", "ienne",
        "iens", "iennes", "ais", "aise", "aises", "ois", "oise", "oises", "ain", "aine", "ains",
        "aines", "éen", "éenne", "if", "ive", "ifs", "ives", "aire", "aires", "an", "ane", "ieur",
        "ieure",
    ];
    const WORDS: &[&str] = &[
        "turc",
        "turque",
        "grec",
        "grecque",
        "belge",
        "suisse",
        "russe",
        "kurde",
        "allemand",
        "allemande",
        "espagnol",
        "espagnole",
        "argentin",
        "argentine",
        "afghan",
        "afghane",
        "qatari",
        "émirati",
        "civil",
        "civile",
        "civils",
        "civiles",
        "public",
        "publique",
        "publics",
        "publiques",
        "suprême",
        "unies",
        "unis",
        "permanent",
        "permanente",
        "indépendant",
        "indépendante",
        "constituant",
        "constituante",
        "central",
        "centrale",
    ];
    if WORDS.contains(&w) {
        return true;
    }
    // Verbs that look like adjectives: `rappelle`, `appellent`.
    const VERBS: &[&str] = &["pelle", "pellent", "elles"];
    w.chars().count() > 3
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && ENDINGS.iter().any(|e| w.ends_with(e))
        && !VERBS.iter().any(|e| w.ends_with(e))
}

/// Hand list of lower-case nouns found in institution names after `de` (`Chambre de commerce`,
/// `Cour de cassation`, `ministère de l'agriculture`).
const INSTITUTION_NOUNS: &[&str] = &[
    "commerce",
    "industrie",
    "cassation",
    "sécurité",
    "santé",
    "transparence",
    "vie",
    "aviation",
    "agriculture",
    "éducation",
    "recherche",
    "justice",
    "affaires",
    "énergie",
    "environnement",
    "finances",
    "économie",
    "travail",
    "emploi",
    "culture",
    "sports",
    "jeunesse",
    "défense",
    "intérieur",
    "appel",
    "comptes",
    "régulation",
    "surveillance",
    "contrôle",
    "développement",
    "coopération",
    "commerce",
    "métiers",
    "artisanat",
    "statistique",
    "statistiques",
    "études",
    "renseignement",
    "police",
    "gendarmerie",
    "secours",
    "navigation",
    "sûreté",
    "protection",
    "presse",
    "information",
    "communication",
    "audiovisuel",
    "médecine",
    "sciences",
    "arts",
    "lettres",
    "musique",
    "cinéma",
    "patinage",
    "football",
    "rugby",
    "tennis",
    "natation",
    "athlétisme",
    "cyclisme",
    "ski",
    "handball",
    "basket-ball",
    "volley-ball",
    "judo",
    "monde",
    "paix",
    "droits",
    "libertés",
    "réfugiés",
    "migrations",
    "enfance",
    "famille",
    "solidarité",
    "logement",
    "transports",
    "équipement",
    "aménagement",
    "territoire",
    "territoires",
    "mer",
    "pêche",
    "forêts",
    "eau",
    "eaux",
    "climat",
    "chanson",
    "cinéma",
    "télévision",
    "radio",
];

/// Lower-case heads that are part of a place name (`chemin Sainte-Foy`, `île d'Orléans`).
const PLACE_HEADS: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "chemin",
    "allée",
    "quai",
    "impasse",
    "île",
    "place",
    "route",
];

/// Lower-case heads of named events (`affaire Benalla`, `championnat de France`): MISC
/// (optional in the gold), head included.
const EVENT_HEADS: &[&str] = &[
    "affaire",
    "bataille",
    "championnat",
    "championnats",
    "tournoi",
    "rallye",
    "procès",
];

/// Particles inside people's names (`Thiago Braz da Silva`, `Wayde van Niekerk`).
const NAME_PARTICLES: &[&str] = &[
    "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "ter", "ten",
    "bin", "ben", "ibn", "al", "el", "al-", "y",
];

/// Capitalised words that name a nationality or inhabitants (`Brésilien`, `Niçois`,
/// `Françaises`): not names by themselves (MISC optional at most in the gold).
fn is_demonym_like(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ais", "aise", "aises", "ois", "oise", "oises", "ien", "iens", "ienne", "iennes", "ain",
        "ains", "aine", "aines", "éen", "éens", "éenne", "éennes", "iques", "ite", "ites", "ote",
        "otes",
    ];
    word.chars().count() > 4 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// `al-Joulani`, `el-Assad`, `ben-Salem`: a lower-case article glued to a capitalised name.
fn has_arabic_article(word: &str) -> bool {
    const ARTICLES: &[&str] = &[
        "al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "ech-", "ibn-", "ben-", "bin-", "abu-",
    ];
    ARTICLES.iter().any(|a| {
        word.strip_prefix(a)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// Compass adjectives that continue a place name (`Guinée équatoriale`, `Java occidental`).
const GEO_ADJECTIVES: &[&str] = &[
    "occidental",
    "occidentale",
    "oriental",
    "orientale",
    "méridional",
    "méridionale",
    "septentrional",
    "septentrionale",
    "équatorial",
    "équatoriale",
];

/// Road numbers: `A7`, `A40`, `N7`, `M20`.
fn is_road_number(word: &str) -> bool {
    let digits = word.trim_start_matches(|c: char| c.is_ascii_uppercase());
    let prefix = &word[..word.len() - digits.len()];
    matches!(prefix, "A" | "N" | "M" | "RN")
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Common-noun endings (`Laïcité`, `Capitalisme`, `Révolution`, `Gouvernement`) that
/// almost never end a place or person name.
fn is_abstract_noun(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ité", "ités", "isme", "ismes", "tion", "tions", "ment", "ments", "iste", "istes",
    ];
    word.chars().count() > 5 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Sentence-initial words with verb or participle endings (`Revigoré`, `Notons`, `Agée`).
fn is_verb_like(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "é", "ée", "és", "ées", "ons", "ez", "ant", "ment", "ait", "aient",
    ];
    word.chars().count() > 4 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Words that make a multi-word name an organisation (`FC Barcelone`, `Turkish Airlines`).
const ORG_MARKERS: &[&str] = &[
    "FC",
    "SC",
    "AC",
    "AS",
    "RC",
    "OGC",
    "Club",
    "United",
    "Airlines",
    "Airways",
    "Inc",
    "Ltd",
    "SA",
    "SAS",
    "Corp",
    "Corporation",
    "Group",
    "Bank",
    "Company",
    "Foundation",
    "Institute",
    "University",
    "College",
    "Records",
    "Motors",
    "Holdings",
    "News",
    "Times",
    "Press",
    "Agency",
    "Party",
    "Entertainment",
    "Studios",
    "Pictures",
    "Technologies",
    "Systems",
    "Media",
];

/// Capitalised words that are not a name on their own: generic references (`l'État`, `le Club`,
/// `la Cour`; ORG optional at most in the gold) and common acronyms that name no body
/// (`AVC`, `BTP`, `NDLR`).
const NOT_NAMES_ALONE: &[&str] = &[
    "État",
    "Etat",
    "Union",
    "Club",
    "Cour",
    "Front",
    "Armée",
    "Justice",
    "République",
    "Gouvernement",
    "Région",
    "Conseil",
    "Assemblée",
    "Parlement",
    "Parti",
    "Église",
    "Ligue",
    "Commission",
    "Ville",
    "Département",
    "Préfecture",
    "Mairie",
    "Police",
    "Présidence",
    "Fédération",
    "Association",
    "Tribunal",
    "Ministère",
    "Agence",
    "Haut-Commissaire",
    "AVC",
    "BTP",
    "NDLR",
    "ASBL",
    "JT",
    "CD",
    "DVD",
    "TVA",
    "PIB",
    "SMS",
    "PDF",
    "OK",
    "TV",
    "PME",
    "CDD",
    "CDI",
    "RSA",
    "SMIC",
    "VIH",
    "SIDA",
    "ADN",
    "OGM",
    "QG",
    "PV",
    "HLM",
    "RER",
    "TGV",
    "SUV",
    "GPS",
    "USB",
    "PC",
    "IVG",
    "PMA",
    "CV",
    "VTT",
    "LGBT",
    "IRM",
    "HT",
    "TTC",
    "KO",
    "MVP",
    "Nord",
    "Sud",
    "Est",
    "Ouest",
    "Nord-Est",
    "Nord-Ouest",
    "Sud-Est",
    "Sud-Ouest",
];

/// Words never starting a name even when capitalised mid-sentence.
const NEVER_NAMES: &[&str] = &[
    "Le", "La", "Les", "L'", "Un", "Une", "Des", "Du", "De", "D'", "Ce", "Cet", "Cette", "Ces",
];

fn argmax(scores: [f32; 4]) -> Option<Label> {
    let mut best: Option<(usize, f32)> = None;
    for (k, &s) in scores.iter().enumerate() {
        if s > 0.0 && best.map_or(true, |(_, b)| s > b) {
            best = Some((k, s));
        }
    }
    best.map(|(k, _)| LABELS[k])
}

fn label_of_counts(c: &Counts) -> Option<Label> {
    argmax(c.labels.map(|x| x as f32))
}

fn head_label(word: &str) -> Option<Label> {
    HEADS.iter().find(|(h, _)| *h == word).map(|&(_, l)| l)
}

struct Finder<'a, 't> {
    w: &'a Words<'t>,
    g: &'static Gazetteer,
    keys: Vec<String>,
}

impl Finder<'_, '_> {
    fn is_cap(&self, i: usize) -> bool {
        self.w.items.get(i).is_some_and(|x| {
            x.kind == Kind::Alpha
                && (x.is_capitalized() || has_arabic_article(x.text))
                && !x.norm.ends_with('\'')
                && !TITLES.contains(&x.text)
        })
    }

    fn counts(&self, i: usize) -> Option<Counts> {
        self.g.token(&self.keys[i])
    }

    /// True when capitalised word `i` is, on its own, probably not a name here.
    fn is_common(&self, i: usize) -> bool {
        let x = &self.w.items[i];
        if NEVER_NAMES.contains(&self.keys[i].as_str()) {
            return true;
        }
        let c = self.counts(i).unwrap_or_default();
        let named = c.named();
        let not_named = if x.initial {
            c.initial + c.other
        } else {
            c.other
        };
        if not_named > 2 * named || (x.initial && named == 0 && c.initial > 0) {
            return true;
        }
        if named > 0 || x.text.chars().count() < 2 || x.text.chars().skip(1).any(char::is_uppercase)
        {
            return false;
        }
        let after_article = i > 0
            && self
                .w
                .is_any(i - 1, &["le", "la", "l'", "les", "un", "une", "des"]);
        // `à Grasse`: after `à`, a capitalised common word is a place.
        if i > 0 && self.w.norm(i - 1) == "à" {
            return false;
        }
        self.g.is_common_word(&x.norm)
            || is_abstract_noun(&x.norm)
            || is_demonym_like(&x.norm) && (after_article || x.norm.ends_with('s'))
            || (x.initial && is_verb_like(&x.norm))
    }

    /// Longest gazetteer name starting at word `i`: one past its last word.
    fn gazetteer_match(&self, i: usize) -> Option<usize> {
        let longest = self.g.longest_from(&self.keys[i]);
        let mut n = longest.min(self.w.len() - i);
        while n >= 2 {
            let ok = (i + 1..i + n).all(|k| self.w.items[k].gap != Gap::Line);
            if ok {
                if let Some(c) = self.g.name(&self.keys[i..i + n]) {
                    if c.named() >= c.other {
                        return Some(i + n);
                    }
                }
            }
            n -= 1;
        }
        None
    }

    /// Connector words at `j` (`de`, `du`, `des`, `d'`, `de la`, `de l'`) followed by a
    /// capitalised word: index of that word.
    fn connector_then_cap(&self, j: usize) -> Option<usize> {
        let k = match self.w.norm(j) {
            "de" if self.w.is_any(j + 1, &["la", "l'"]) => j + 2,
            "de" | "du" | "des" | "d'" => j + 1,
            _ => return None,
        };
        (self.w.same_line(j) && self.w.same_line(k) && self.is_cap(k)).then_some(k)
    }

    /// Connector words inside an institution name at `j` (`de`, `de la`, `du`, `pour la`,
    /// `et d'`): index of the word after them.
    fn institution_connector(&self, j: usize) -> Option<usize> {
        let w = self.w;
        let mut k = j;
        if w.norm(k) == "et" {
            k += 1;
        }
        let k = match w.norm(k) {
            "de" if w.is_any(k + 1, &["la", "l'"]) => k + 2,
            "de" | "du" | "des" | "d'" => k + 1,
            "pour" if w.is_any(k + 1, &["la", "le", "l'", "les"]) && k == j => k + 2,
            _ => return None,
        };
        let all_on_line = (j..=k).all(|x| w.same_line(x));
        (all_on_line && k < w.len()).then_some(k)
    }

    /// A lower-case word that may stand inside an institution name after `de`.
    fn is_name_word(&self, norm: &str) -> bool {
        self.g.is_inner_word(norm)
            || self.g.is_continuation(norm)
            || INSTITUTION_NOUNS.contains(&norm)
    }

    /// Extends a capitalised run from word `i`; returns one past its last word.
    fn run_end(&self, i: usize) -> usize {
        let head = head_label(self.w.raw(i));
        let institution = matches!(head, Some(Label::ORG) | Some(Label::MISC));
        let place = head == Some(Label::LOC);
        let mut j = i + 1;
        let mut end = i + 1;
        let mut lower_run = 0;
        while j < self.w.len() && self.w.same_line(j) {
            let x = &self.w.items[j];
            if self.is_cap(j) && x.gap != Gap::Glued {
                j += 1;
                end = j;
                lower_run = 0;
                continue;
            }
            // `Agence américaine océanique et atmosphérique`
            let and_adjective = institution
                && lower_run > 0
                && x.norm == "et"
                && self
                    .w
                    .items
                    .get(j + 1)
                    .is_some_and(|n| is_adjective_like(&n.norm))
                && self.w.same_line(j + 1);
            if and_adjective {
                j += 1;
                continue;
            }
            if x.kind == Kind::Alpha
                && !x.is_capitalized()
                && (self.g.is_continuation(&x.norm)
                    || GEO_ADJECTIVES.contains(&x.norm.as_str())
                    || (institution && is_adjective_like(&x.norm)))
                && lower_run < 3
            {
                j += 1;
                end = j;
                lower_run += 1;
                continue;
            }
            // Particles in people's names: `Thiago Braz da Silva`.
            if NAME_PARTICLES.contains(&x.norm.as_str())
                && !x.is_capitalized()
                && self.is_cap(j + 1)
                && self.w.same_line(j + 1)
            {
                j += 1;
                continue;
            }
            if let Some(k) = self.connector_then_cap(j) {
                let left = &self.keys[j - 1];
                let conn: Vec<&str> = (j..k).map(|x| self.w.norm(x)).collect();
                let first_name = self.is_first_name(i) && matches!(self.w.norm(j), "de" | "d'");
                let demonym = is_demonym_like(&self.w.items[k].norm)
                    && self.counts(k).map_or(true, |c| c.named() == 0);
                if !demonym
                    && (self.g.joins_connector(left, &conn.join(" "))
                        || institution
                        || place
                        || first_name)
                {
                    j = k + 1;
                    end = j;
                    lower_run = 0;
                    continue;
                }
            }
            // `Chambre de commerce et d'industrie`, `Haute Autorité pour la transparence`:
            // after an institution head, connectors + a name word or a capitalised word.
            if institution {
                if let Some(k) = self.institution_connector(j) {
                    let next = &self.w.items[k];
                    if self.is_cap(k) || self.is_name_word(&next.norm) && !next.is_capitalized() {
                        j = k + 1;
                        end = j;
                        lower_run = 0;
                        continue;
                    }
                }
            }
            // `Euro 2016`, `Apollo 12`, `Jeux olympiques de 1956`: a number or a year right after
            // a product or event name.
            let misc = head == Some(Label::MISC)
                || self
                    .counts(i)
                    .is_some_and(|c| label_of_counts(&c) == Some(Label::MISC));
            if misc && end == j {
                let year_at = |k: usize| {
                    self.w.items.get(k).is_some_and(|y| {
                        y.kind == Kind::Digits && y.text.len() == 4 && self.w.same_line(k)
                    })
                };
                if x.kind == Kind::Digits && x.text.len() <= 4 {
                    end = j + 1;
                } else if self.w.is_any(j, &["de", "en"]) && year_at(j + 1) {
                    end = j + 2;
                }
            } else if end == j && x.kind == Kind::Digits && x.text.len() <= 3 && x.gap == Gap::Space
            {
                // `Apollo 12`, `Ligue 1`: a small number after an organisation or product name.
                let org_or_misc = self.counts(j - 1).is_some_and(|c| {
                    matches!(label_of_counts(&c), Some(Label::ORG) | Some(Label::MISC))
                        && c.named() > c.other
                });
                if org_or_misc {
                    end = j + 1;
                }
            }
            break;
        }
        end
    }

    /// True when word `i` is mostly seen as (part of) a person's name.
    fn is_first_name(&self, i: usize) -> bool {
        self.counts(i).is_some_and(|c| {
            c.labels[0] >= 2 && c.labels[0] * 5 >= c.named() * 4 && c.other * 4 <= c.named()
        })
    }

    /// True when capitalised word `i` is a ministry portfolio after `ministre de (la)`:
    /// a function, not a name (`la ministre de la Justice`).
    fn is_portfolio(&self, i: usize) -> bool {
        let w = self.w;
        let mut k = i;
        if k >= 1 && w.is_any(k - 1, &["la", "l'"]) {
            k -= 1;
        }
        !self.is_first_name(i)
            && k >= 2
            && w.is_any(k - 1, &["de", "du", "des", "d'", "aux", "à", "au"])
            && w.is_any(
                k - 2,
                &["ministre", "ministres", "secrétaire", "délégué", "déléguée"],
            )
    }

    /// Splits a run before a first name that follows a non-person word
    /// (`Justice Nicole Belloubet` → `Justice` | `Nicole Belloubet`).
    fn split_point(&self, start: usize, end: usize) -> Option<usize> {
        (start + 1..end).find(|&k| {
            let first_name = self.counts(k).is_some_and(|c| {
                c.labels[0] >= 2 && c.labels[0] * 5 >= c.named() * 4 && c.other == 0
            });
            let prev_not_person = self.counts(k - 1).is_some_and(|c| {
                let total = c.named() + c.other;
                total >= 2 && c.labels[0] * 5 < total
            });
            // `François Hollande Arnaud Montebourg`: a second full name.
            let second_person = k - start >= 2 && self.is_first_name(start);
            // `Région Auguste Rollandin`: a generic word before a two-word name.
            let generic_before = k == start + 1
                && self.w.items[k].is_capitalized()
                && (k + 1..end).all(|x| self.w.items[x].is_capitalized())
                && NOT_NAMES_ALONE.contains(&self.w.raw(start))
                && end - k >= 2
                && self
                    .counts(k)
                    .map_or(true, |c| c.labels[0] * 2 >= c.named());
            (first_name && (prev_not_person || second_person) || generic_before)
                && self.is_cap(k - 1)
        })
    }

    /// Label of the name `[start, end)`, or `None` when it is probably not a name.
    fn classify(&self, start: usize, end: usize, after_title: bool) -> Option<Label> {
        let w = self.w;
        let exact = if end - start == 1 {
            self.counts(start).map(|c| Counts {
                labels: c.alone,
                ..c
            })
        } else {
            self.g.name(&self.keys[start..end])
        };
        let prev = start.checked_sub(1).map(|p| w.norm(p)).unwrap_or("");
        let prev2 = start.checked_sub(2).map(|p| w.norm(p)).unwrap_or("");
        // `Monsieur Paul`: a nickname, PER with its honorific (optional in the gold).
        if after_title || (end - start > 1 && matches!(w.raw(start), "Monsieur" | "Madame")) {
            return Some(Label::PER);
        }
        if let Some(c) = exact {
            if c.named() > 0 {
                return label_of_counts(&c);
            }
        }
        if PERSON_TRIGGERS.contains(&prev)
            || (PERSON_TRIGGERS.contains(&prev2)
                && w.items[start - 1].kind == Kind::Alpha
                && !w.items[start - 1].is_capitalized()
                && is_adjective_like(prev))
        {
            // `le président François Hollande`, `le président américain Donald Trump`
            if head_label(w.raw(start)).is_none() {
                return Some(Label::PER);
            }
        }
        if let Some(l) = head_label(w.raw(start)) {
            return Some(l);
        }
        // Descriptors are lower-case words (`la région de`, not `la Région Auguste Rollandin`).
        let lower_at = |k: Option<usize>| k.is_some_and(|k| !w.items[k].is_capitalized());
        let descriptor_at = |k: Option<usize>| {
            let word = k.map(|k| w.norm(k)).unwrap_or("");
            DESCRIPTORS
                .iter()
                .find(|(d, _)| *d == word && lower_at(k))
                .map(|&(_, l)| l)
        };
        let descriptor = |word: &str| {
            if word == prev {
                descriptor_at(start.checked_sub(1))
            } else {
                descriptor_at(start.checked_sub(2))
            }
        };
        if let Some(l) = descriptor(prev) {
            return Some(l);
        }
        if matches!(prev, "de" | "d'" | "du" | "des") || is_adjective_like(prev) {
            if let Some(l) = descriptor(prev2) {
                return Some(l);
            }
        }
        if end - start > 1 && (start..end).any(|k| ORG_MARKERS.contains(&w.raw(k))) {
            return Some(Label::ORG);
        }
        // Votes of the words' own label counts (the head word counts double).
        let mut scores = [0f32; 4];
        for k in start..end {
            if let Some(c) = self.counts(k) {
                let named = c.named();
                if named == 0 {
                    continue;
                }
                let weight = if k == start { 2.0 } else { 1.0 };
                for (l, s) in scores.iter_mut().enumerate() {
                    *s += weight * c.labels[l] as f32 / named as f32;
                }
            }
        }
        if let Some(l) = argmax(scores) {
            return Some(l);
        }
        let text = w.raw(start);
        if end - start == 1 && is_road_number(text) {
            return Some(Label::LOC);
        }
        if end - start == 1 && text.chars().any(|c| c.is_ascii_digit()) {
            // `Ak-47`, `H7N4`, `Tiangong-1`: products and named things.
            return Some(Label::MISC);
        }
        if end - start == 1
            && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && text
                .chars()
                .all(|c| c.is_uppercase() || c == '-' || c == '&')
        {
            return Some(Label::ORG);
        }
        // Unknown words: one word is most often a place, several a person (WiNER-fr train/dev).
        if end - start == 1 {
            return Some(Label::LOC);
        }
        Some(Label::PER)
    }
}

/// Finds PER, ORG, LOC and MISC entities as word ranges `[start, end)`.
pub fn find_names(w: &Words) -> Vec<((usize, usize), Label)> {
    let f = Finder {
        w,
        g: gazetteer(),
        keys: w.items.iter().map(|x| key_form(x.text)).collect(),
    };
    let mut out: Vec<((usize, usize), Label)> = Vec::new();
    let mut i = 0;
    let mut after_title = false;
    while i < w.len() {
        let x = &w.items[i];
        if TITLES.contains(&x.text) {
            after_title = true;
            i += 1;
            continue;
        }
        // Lower-case heads that open a name: `ministère de l'Intérieur`, `affaire Benalla`.
        if x.norm == "ministère" && !x.is_capitalized() || x.text == "Ministère" {
            let mut j = i + 1;
            if w.items.get(j).is_some_and(|n| is_adjective_like(&n.norm)) {
                j += 1;
            }
            if let Some(k) = f.connector_then_cap(j) {
                let end = f.run_end(k);
                out.push(((i, end), Label::ORG));
                i = end;
                after_title = false;
                continue;
            }
        }
        // Named events with a lower-case head: `affaire Benalla`, `bataille d'Hastings`.
        if EVENT_HEADS.contains(&x.norm.as_str()) && !x.is_capitalized() {
            let k = if f.is_cap(i + 1) && w.same_line(i + 1) {
                Some(i + 1)
            } else {
                f.connector_then_cap(i + 1)
            };
            if let Some(k) = k {
                let end = f.run_end(k);
                out.push(((i, end), Label::MISC));
                i = end;
                continue;
            }
        }
        // Lower-case place heads: `chemin Sainte-Foy`, `île d'Orléans`.
        if PLACE_HEADS.contains(&x.norm.as_str()) && !x.is_capitalized() {
            let k = if f.is_cap(i + 1) && w.same_line(i + 1) {
                Some(i + 1)
            } else {
                f.connector_then_cap(i + 1)
            };
            if let Some(k) = k {
                let end = f.run_end(k);
                out.push(((i, end), Label::LOC));
                i = end;
                continue;
            }
        }
        if !f.is_cap(i) {
            if x.kind != Kind::Punct || x.text != "." {
                after_title = after_title && x.kind == Kind::Alpha && x.is_capitalized();
            }
            i += 1;
            continue;
        }
        if f.is_cap(i) && f.is_portfolio(i) {
            // `ministre de l'Intérieur Bernard Cazeneuve`: skip the portfolio, keep the person.
            let end = f.run_end(i);
            i = f.split_point(i, end).unwrap_or(end);
            continue;
        }
        let gaz_end = f.gazetteer_match(i);
        let mut end = f.run_end(i).max(gaz_end.unwrap_or(0));
        let is_head = (head_label(x.text).is_some() || matches!(x.text, "Monsieur" | "Madame"))
            && end - i > 1;
        if gaz_end.is_none() && !is_head && !after_title && f.is_common(i) {
            i += 1;
            continue;
        }
        if gaz_end != Some(end) {
            if let Some(k) = f.split_point(i, end) {
                end = k;
            }
        }
        // A trailing initial is a sentence-final letter: `plan B.`
        while end - i > 1 && w.raw(end - 1).ends_with('.') {
            end -= 1;
        }
        if end - i == 1 && w.raw(i).ends_with('.') {
            i += 1;
            continue;
        }
        if end - i == 1 && NOT_NAMES_ALONE.contains(&x.text) {
            i += 1;
            after_title = false;
            continue;
        }
        if let Some(label) = f.classify(i, end, after_title) {
            out.push(((i, end), label));
        }
        after_title = false;
        i = end;
    }
    propagate_surnames(w, &mut out);
    label_acronyms(w, &mut out);
    out
}

/// An acronym in parentheses right after a name takes that name's label
/// (`Airlines for Europe (A4E)`), and so do its other mentions in the text.
fn label_acronyms(w: &Words, out: &mut [((usize, usize), Label)]) {
    let mut learned: Vec<(&str, Label)> = Vec::new();
    for k in 1..out.len() {
        let ((s, e), _) = out[k];
        let ((_, prev_end), prev_label) = out[k - 1];
        let acronym = e - s == 1 && {
            let t = w.raw(s);
            t.chars().filter(|c| c.is_uppercase()).count() >= 2
                && t.chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
        };
        if acronym && prev_end + 1 == s && w.raw(s - 1) == "(" && w.raw(e) == ")" {
            out[k].1 = prev_label;
            learned.push((w.raw(s), prev_label));
        }
    }
    for ((s, e), l) in out.iter_mut() {
        if *e - *s == 1 {
            if let Some(&(_, label)) = learned.iter().find(|(t, _)| *t == w.raw(*s)) {
                *l = label;
            }
        }
    }
}

/// A lone word equal to the last word of a multi-word PER elsewhere in the text is that person.
fn propagate_surnames(w: &Words, out: &mut [((usize, usize), Label)]) {
    let surnames: Vec<&str> = out
        .iter()
        .filter(|((s, e), l)| *l == Label::PER && e - s >= 2)
        .map(|((_, e), _)| w.raw(e - 1))
        .collect();
    for ((s, e), l) in out.iter_mut() {
        if *e - *s == 1 && surnames.contains(&w.raw(*s)) {
            *l = Label::PER;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Label)> {
        let w = Words::build(text, &[0]);
        find_names(&w)
            .into_iter()
            .map(|((s, e), l)| {
                let (a, b) = w.span(s, e - 1);
                (text[a..b].to_string(), l)
            })
            .collect()
    }

    fn has(text: &str, span: &str, label: Label) {
        let found = names(text);
        assert!(
            found.iter().any(|(s, l)| s == span && *l == label),
            "{span} {label} not in {found:?}"
        );
    }

    #[test]
    fn people_and_titles() {
        has("selon Mme Park, le pays", "Park", Label::PER);
        has("a déclaré M. Ashraf Ghani hier", "Ashraf Ghani", Label::PER);
        has(
            "Le président François Hollande a dit",
            "François Hollande",
            Label::PER,
        );
        assert!(!names("Le président a dit").iter().any(|(s, _)| s == "Le"));
    }

    #[test]
    fn determiners_stay_outside() {
        has(
            "Il vit en Afghanistan, à l'Élysée.",
            "Afghanistan",
            Label::LOC,
        );
        has("Il vit en Afghanistan, à l'Élysée.", "Élysée", Label::LOC);
        has(
            "la Chambre de commerce et d'industrie afghane",
            "Chambre de commerce et d'industrie afghane",
            Label::ORG,
        );
    }

    #[test]
    fn institutions_with_lower_case_words() {
        has(
            "devant l'Assemblée nationale mardi",
            "Assemblée nationale",
            Label::ORG,
        );
        has("l'Union européenne a dit", "Union européenne", Label::ORG);
        has(
            "au ministère de l'Intérieur",
            "ministère de l'Intérieur",
            Label::ORG,
        );
        has(
            "selon l'Organisation mondiale de la Santé",
            "Organisation mondiale de la Santé",
            Label::ORG,
        );
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let found = names("Selon lui, Cette affaire est close. Mais Paris refuse.");
        assert_eq!(found, [("Paris".to_string(), Label::LOC)]);
    }

    #[test]
    fn examples_of_the_annotation_guide() {
        let text = "Le président de la République François Hollande a parlé au Parlement \
                    européen. La Cour supérieure du Québec a tranché. Le ministère turc des \
                    Affaires étrangères proteste. Le Parlement sud-coréen a voté. Une messe à la \
                    Primatiale Saint-Jean de Lyon, en Asie du Sud. L'État islamique revendique, \
                    selon le journal Libération. Chez la firme californienne Adobe Systems. Les \
                    Journées mondiales de la jeunesse. Dans l'église de Saint-Étienne-du-Rouvray, \
                    le parquet de Louvain. Monsieur Paul est là. Sur le chemin Sainte-Foy.";
        has(text, "François Hollande", Label::PER);
        has(text, "Parlement européen", Label::ORG);
        has(text, "Cour supérieure du Québec", Label::ORG);
        has(text, "ministère turc des Affaires étrangères", Label::ORG);
        has(text, "Parlement sud-coréen", Label::ORG);
        has(text, "Primatiale Saint-Jean de Lyon", Label::LOC);
        has(text, "Asie du Sud", Label::LOC);
        has(text, "État islamique", Label::ORG);
        has(text, "Libération", Label::ORG);
        has(text, "Adobe Systems", Label::ORG);
        has(text, "Journées mondiales de la jeunesse", Label::MISC);
        has(text, "Saint-Étienne-du-Rouvray", Label::LOC);
        has(text, "Louvain", Label::LOC);
        has(text, "Monsieur Paul", Label::PER);
        has(text, "chemin Sainte-Foy", Label::LOC);
        let found = names(text);
        assert!(
            !found.iter().any(|(s, _)| s.contains("République")),
            "{found:?}"
        );
    }

    #[test]
    fn acronyms_take_the_label_of_their_name() {
        has(
            "L'association Airlines for Europe (A4E) prévoit des annulations. A4E ajoute",
            "A4E",
            Label::ORG,
        );
    }

    #[test]
    fn surnames_follow_the_full_name() {
        has(
            "Joseph Butore a parlé. Ensuite Butore est parti.",
            "Butore",
            Label::PER,
        );
    }
}
