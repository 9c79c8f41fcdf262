//! One golden test per way French news reports who said what (issue 6): a French example written
//! for this file, and the claims Balise must find in it — kind, content, cue and source as texts,
//! with `source_ref` and `hedged` where they matter. Spans follow `ANNOTATION.md` §3.

use balise::{Annotation, Claim, ClaimKind};
use ClaimKind::{AccordingTo, Direct, Indirect, Unattributed};

/// A claim as texts: kind, content, cue, source ("" when absent).
#[derive(Debug, PartialEq, Eq)]
struct C {
    kind: ClaimKind,
    content: String,
    cue: String,
    source: String,
}

fn c(kind: ClaimKind, content: &str, cue: &str, source: &str) -> C {
    C {
        kind,
        content: content.into(),
        cue: cue.into(),
        source: source.into(),
    }
}

fn text_of(text: &str, s: Option<balise::Span>) -> String {
    s.map_or(String::new(), |s| text[s.start..s.end].to_string())
}

fn annotate(text: &str) -> Annotation {
    balise::annotate(text)
}

fn claims(text: &str) -> Vec<C> {
    annotate(text)
        .claims
        .iter()
        .map(|k: &Claim| C {
            kind: k.kind,
            content: text[k.content.start..k.content.end].to_string(),
            cue: text_of(text, k.cue),
            source: text_of(text, k.source),
        })
        .collect()
}

/// The one claim whose content is `content`.
fn claim<'a>(a: &'a Annotation, text: &str, content: &str) -> &'a Claim {
    let found: Vec<&Claim> = a
        .claims
        .iter()
        .filter(|k| &text[k.content.start..k.content.end] == content)
        .collect();
    assert_eq!(found.len(), 1, "claim {content:?} in {:?}", claims(text));
    found[0]
}

// ---- direct quotes ----------------------------------------------------------------------------

#[test]
fn direct_post_posed_with_apposition_source() {
    let t = "« Les négociations reprendront demain », a déclaré la présidente du syndicat, Claire Moreau.";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "Les négociations reprendront demain",
            "a déclaré",
            "la présidente du syndicat, Claire Moreau"
        )]
    );
}

#[test]
fn direct_post_posed_without_comma() {
    let t = "« Le pont restera fermé tout l'hiver » a indiqué le maire de Rouen.";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "Le pont restera fermé tout l'hiver",
            "a indiqué",
            "le maire de Rouen"
        )]
    );
}

#[test]
fn direct_with_monsieur_before_the_name() {
    let t = "« Nous ferons appel de cette décision », a déclaré M. Jean Dupont devant le tribunal.";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "Nous ferons appel de cette décision",
            "a déclaré",
            "M. Jean Dupont"
        )]
    );
    let t = "« Rien n'est décidé », a précisé Mme Hélène Garnier, porte-parole de la mairie.";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "Rien n'est décidé",
            "a précisé",
            "Mme Hélène Garnier"
        )]
    );
}

#[test]
fn direct_pre_posed_with_colon() {
    let t = "Le préfet de la Gironde a déclaré : « Aucune école ne sera fermée lundi. »";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "Aucune école ne sera fermée lundi.",
            "a déclaré",
            "Le préfet de la Gironde"
        )]
    );
}

#[test]
fn direct_inverted_pronoun_source_with_source_ref() {
    let t = "Le directeur du chantier, Marc Lefèvre, a reçu la presse mardi. « Les travaux seront terminés en juin », affirme-t-il.";
    let a = annotate(t);
    let k = claim(&a, t, "Les travaux seront terminés en juin");
    assert_eq!(k.kind, Direct);
    assert_eq!(text_of(t, k.cue), "affirme-t-il");
    assert_eq!(text_of(t, k.source), "il");
    assert!(text_of(t, k.source_ref).contains("Marc Lefèvre"), "{:?}", k);
}

#[test]
fn direct_inverted_compound_tense() {
    let t = "La ministre Sophie Lambert a visité l'usine. « Nous ne laisserons personne sur le bord de la route », a-t-elle ajouté.";
    let a = annotate(t);
    let k = claim(&a, t, "Nous ne laisserons personne sur le bord de la route");
    assert_eq!(k.kind, Direct);
    assert_eq!(text_of(t, k.cue), "a-t-elle ajouté");
    assert_eq!(text_of(t, k.source), "elle");
    assert!(
        text_of(t, k.source_ref).contains("Sophie Lambert"),
        "{:?}",
        k
    );
}

#[test]
fn direct_attributed_by_selon_lui() {
    let t = "Le député Paul Garnier a quitté la séance. « Cette réforme est injuste », selon lui.";
    let a = annotate(t);
    let k = claim(&a, t, "Cette réforme est injuste");
    assert_eq!(k.kind, Direct);
    assert_eq!(text_of(t, k.cue), "selon");
    assert_eq!(text_of(t, k.source), "lui");
}

#[test]
fn direct_quote_cut_by_its_attribution() {
    let t = "« Nous avons tout essayé », dit-il, « mais la direction refuse de négocier. »";
    assert_eq!(
        claims(t),
        [
            c(Direct, "Nous avons tout essayé", "dit-il", "il"),
            c(
                Direct,
                "mais la direction refuse de négocier.",
                "dit-il",
                "il"
            ),
        ]
    );
}

#[test]
fn direct_quote_over_several_sentences() {
    let t = "« La crue a été brutale. Les digues n'ont pas tenu. Il faudra des mois pour reconstruire », a expliqué le préfet.";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "La crue a été brutale. Les digues n'ont pas tenu. Il faudra des mois pour reconstruire",
            "a expliqué",
            "le préfet"
        )]
    );
}

#[test]
fn direct_quote_continued_in_the_next_paragraph() {
    let t = "« L'usine restera ouverte », a assuré le directeur, Luc Bernard.\n\n« Aucun emploi ne sera supprimé cette année. »";
    assert_eq!(
        claims(t),
        [
            c(
                Direct,
                "L'usine restera ouverte",
                "a assuré",
                "le directeur, Luc Bernard"
            ),
            c(
                Direct,
                "Aucun emploi ne sera supprimé cette année.",
                "a assuré",
                "le directeur, Luc Bernard"
            ),
        ]
    );
}

#[test]
fn direct_with_nested_quotes() {
    let t = "« Le slogan “ plus jamais ça ” doit devenir une réalité », a déclaré la militante Anne Roux.";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "Le slogan “ plus jamais ça ” doit devenir une réalité",
            "a déclaré",
            "la militante Anne Roux"
        )]
    );
}

#[test]
fn direct_in_english_style_quotes() {
    let t = "\"Nous ne céderons pas\", a lancé le porte-parole du collectif.";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "Nous ne céderons pas",
            "a lancé",
            "le porte-parole du collectif"
        )]
    );
}

#[test]
fn que_clause_entirely_in_guillemets_is_direct() {
    let t = "Le procureur a précisé que « l'enquête ne fait que commencer ».";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "l'enquête ne fait que commencer",
            "a précisé",
            "Le procureur"
        )]
    );
}

// ---- partial quotes ---------------------------------------------------------------------------

#[test]
fn partial_quote_belongs_to_the_surrounding_claim() {
    let t =
        "Le ministre a estimé que cette mesure était « indispensable » pour l'économie du pays.";
    assert_eq!(
        claims(t),
        [c(
            Indirect,
            "cette mesure était « indispensable » pour l'économie du pays",
            "a estimé",
            "Le ministre"
        )]
    );
}

#[test]
fn partial_quote_in_the_writers_sentence_is_no_claim_of_its_own() {
    let t = "Le syndicat a qualifié la décision de « scandaleuse ».";
    assert!(
        claims(t).iter().all(|k| k.content != "scandaleuse"),
        "{:?}",
        claims(t)
    );
}

// ---- indirect speech --------------------------------------------------------------------------

fn one_indirect(t: &str, content: &str, cue: &str, source: &str) {
    assert_eq!(claims(t), [c(Indirect, content, cue, source)], "in {t:?}");
}

#[test]
fn indirect_any_tense_and_mood() {
    one_indirect(
        "Le maire a affirmé que la piscine rouvrirait en septembre.",
        "la piscine rouvrirait en septembre",
        "a affirmé",
        "Le maire",
    );
    one_indirect(
        "Le maire affirmait que la piscine était aux normes.",
        "la piscine était aux normes",
        "affirmait",
        "Le maire",
    );
    one_indirect(
        "Le maire affirmera que la piscine est aux normes.",
        "la piscine est aux normes",
        "affirmera",
        "Le maire",
    );
    one_indirect(
        "L'entraîneur a assuré que ses joueurs étaient prêts.",
        "ses joueurs étaient prêts",
        "a assuré",
        "L'entraîneur",
    );
    one_indirect(
        "La direction a démenti que des licenciements soient prévus.",
        "des licenciements soient prévus",
        "a démenti",
        "La direction",
    );
}

#[test]
fn indirect_conditional_verb_is_hedged() {
    let t = "Le suspect aurait affirmé qu'il avait agi seul.";
    let a = annotate(t);
    let k = claim(&a, t, "il avait agi seul");
    assert_eq!(k.kind, Indirect);
    assert_eq!(text_of(t, k.cue), "aurait affirmé");
    assert_eq!(text_of(t, k.source), "Le suspect");
    assert!(k.hedged);
}

#[test]
fn indirect_with_negation_and_auxiliaries() {
    one_indirect(
        "Le gouvernement n'a pas exclu que les élections soient reportées.",
        "les élections soient reportées",
        "n'a pas exclu",
        "Le gouvernement",
    );
    one_indirect(
        "La porte-parole a tenu à préciser que l'accord restait valable.",
        "l'accord restait valable",
        "a tenu à préciser",
        "La porte-parole",
    );
}

#[test]
fn indirect_infinitive_complement() {
    one_indirect(
        "Le conducteur dit avoir perdu le contrôle de son véhicule.",
        "avoir perdu le contrôle de son véhicule",
        "dit",
        "Le conducteur",
    );
    one_indirect(
        "L'entreprise affirme ne pas avoir reçu de plainte.",
        "ne pas avoir reçu de plainte",
        "affirme",
        "L'entreprise",
    );
}

#[test]
fn indirect_post_posed_cue() {
    one_indirect(
        "Les secours sont arrivés sur place en moins de dix minutes, a précisé la gendarmerie.",
        "Les secours sont arrivés sur place en moins de dix minutes",
        "a précisé",
        "la gendarmerie",
    );
}

#[test]
fn indirect_anonymous_source() {
    one_indirect(
        "Une source proche du dossier a indiqué que le contrat avait été signé.",
        "le contrat avait été signé",
        "a indiqué",
        "Une source proche du dossier",
    );
}

#[test]
fn indirect_pronoun_source_refers_to_the_person_named_before() {
    let t = "La chercheuse Marie Lefranc a présenté ses résultats jeudi. Elle a ajouté que l'étude serait publiée en mai.";
    let a = annotate(t);
    let k = claim(&a, t, "l'étude serait publiée en mai");
    assert_eq!(k.kind, Indirect);
    assert_eq!(text_of(t, k.cue), "a ajouté");
    assert_eq!(text_of(t, k.source), "Elle");
    assert!(
        text_of(t, k.source_ref).contains("Marie Lefranc"),
        "{:?}",
        k
    );
}

// ---- according to -----------------------------------------------------------------------------

fn one_according(t: &str, content: &str, cue: &str, source: &str) {
    assert_eq!(
        claims(t),
        [c(AccordingTo, content, cue, source)],
        "in {t:?}"
    );
}

#[test]
fn according_to_selon_at_start_middle_end() {
    one_according(
        "Selon la police, trois personnes ont été blessées.",
        "trois personnes ont été blessées",
        "Selon",
        "la police",
    );
    one_according(
        "Trois personnes ont été blessées, selon la police.",
        "Trois personnes ont été blessées",
        "selon",
        "la police",
    );
    one_according(
        "Le bâtiment, selon les pompiers, menaçait de s'effondrer.",
        "Le bâtiment, selon les pompiers, menaçait de s'effondrer",
        "selon",
        "les pompiers",
    );
}

#[test]
fn according_to_d_apres() {
    one_according(
        "D'après le ministère, le chômage a baissé de 2 % en un an.",
        "le chômage a baissé de 2 % en un an",
        "D'après",
        "le ministère",
    );
    one_according(
        "Le chômage a baissé de 2 % en un an, d'après le ministère.",
        "Le chômage a baissé de 2 % en un an",
        "d'après",
        "le ministère",
    );
}

#[test]
fn according_to_pour() {
    one_according(
        "Pour l'économiste Jean Petit, la croissance restera faible cette année.",
        "la croissance restera faible cette année",
        "Pour",
        "l'économiste Jean Petit",
    );
}

#[test]
fn according_to_a_en_croire() {
    one_according(
        "À en croire le maire, les travaux dureront deux ans.",
        "les travaux dureront deux ans",
        "À en croire",
        "le maire",
    );
}

#[test]
fn according_to_de_source() {
    one_according(
        "De source policière, le suspect a été arrêté à Lille.",
        "le suspect a été arrêté à Lille",
        "De source",
        "source policière",
    );
}

#[test]
fn according_to_conditional_is_hedged() {
    let t = "Selon des sources non confirmées, le conducteur aurait pris la fuite.";
    let a = annotate(t);
    let k = claim(&a, t, "le conducteur aurait pris la fuite");
    assert_eq!(k.kind, AccordingTo);
    assert_eq!(text_of(t, k.source), "des sources non confirmées");
    assert!(k.hedged);
}

#[test]
fn plain_statement_is_not_hedged() {
    let t = "Selon la préfecture, 40 routes sont coupées.";
    let a = annotate(t);
    let k = claim(&a, t, "40 routes sont coupées");
    assert!(!k.hedged);
}

// ---- unattributed -----------------------------------------------------------------------------

#[test]
fn unattributed_sentence_with_a_figure() {
    let t = "Plus de 300 pompiers ont été mobilisés pendant la nuit.";
    assert_eq!(
        claims(t),
        [c(
            Unattributed,
            "Plus de 300 pompiers ont été mobilisés pendant la nuit",
            "",
            ""
        )]
    );
}

#[test]
fn unattributed_conditional_with_a_figure_is_hedged() {
    let t = "Une cinquantaine de personnes seraient encore portées disparues.";
    let a = annotate(t);
    let k = claim(
        &a,
        t,
        "Une cinquantaine de personnes seraient encore portées disparues",
    );
    assert_eq!(k.kind, Unattributed);
    assert!(k.hedged);
}

#[test]
fn no_claim_for_a_question_or_an_opinion_without_figure() {
    assert_eq!(claims("Faut-il vraiment s'en étonner ?"), []);
}

// ---- further attributions found on the development articles ----------------------------------

#[test]
fn colon_quote_then_its_own_inverted_attribution() {
    let t = "Le maire Paul Rivière a réagi sur son blog : « Cette fermeture est une erreur », a-t-il écrit.";
    let a = annotate(t);
    let k = claim(&a, t, "Cette fermeture est une erreur");
    assert_eq!(k.kind, Direct);
    assert_eq!(text_of(t, k.cue), "a-t-il écrit");
    assert_eq!(text_of(t, k.source), "il");
    assert_eq!(a.claims.len(), 1, "{:?}", claims(t));
}

#[test]
fn writers_clause_before_a_colon_quote_is_not_reported() {
    let t = "La décision a été saluée par les riverains : « Nous attendions cela depuis des années » a déclaré leur porte-parole.";
    assert_eq!(
        claims(t),
        [c(
            Direct,
            "Nous attendions cela depuis des années",
            "a déclaré",
            "leur porte-parole"
        )]
    );
}

#[test]
fn gerund_with_an_infinitive_complement() {
    let t = "La joueuse Léa Martin a quitté le club, affirmant avoir reçu des menaces.";
    let a = annotate(t);
    let k = claim(&a, t, "avoir reçu des menaces");
    assert_eq!(k.kind, Indirect);
    assert_eq!(text_of(t, k.cue), "affirmant");
    assert!(
        text_of(t, k.source).contains("Léa Martin"),
        "{:?}",
        claims(t)
    );
}

#[test]
fn faire_remarquer_post_posed() {
    one_indirect(
        "Les stocks de vaccins sont suffisants pour l'hiver, fait remarquer le directeur de l'hôpital.",
        "Les stocks de vaccins sont suffisants pour l'hiver",
        "fait remarquer",
        "le directeur de l'hôpital",
    );
}

#[test]
fn a_colon_after_reagir_without_a_quote_is_the_writers() {
    let t = "Les investisseurs ont vite réagi : le titre a perdu 8 % en une heure.";
    assert!(
        claims(t).iter().all(|k| k.kind == Unattributed),
        "{:?}",
        claims(t)
    );
}

#[test]
fn clause_ends_before_tandis_que() {
    let t = "La direction a affirmé que la grève était « marginale », tandis que les syndicats parlent d'un succès.";
    let a = annotate(t);
    let k = claim(&a, t, "la grève était « marginale »");
    assert_eq!(k.kind, Indirect);
    assert_eq!(text_of(t, k.source), "La direction");
}

#[test]
fn dateline_with_a_time_is_not_a_claim() {
    let t = "Titre de l'article\n\n12 mai 2019, 08:15 (UTC). –\nLe pont a été rouvert.";
    assert_eq!(claims(t), []);
}

#[test]
fn pronoun_source_ref_agrees_in_number() {
    let t = "Les pompiers de la ville ont indiqué que le feu était maîtrisé. Le maire Jean Roux est arrivé ensuite. Ils ont ajouté que deux maisons avaient brûlé.";
    let a = annotate(t);
    let k = claim(&a, t, "deux maisons avaient brûlé");
    assert_eq!(text_of(t, k.source), "Ils");
    assert_eq!(text_of(t, k.source_ref), "Les pompiers de la ville");
}

#[test]
fn pronoun_source_ref_skips_a_name_inside_a_complement() {
    let t = "La juge Claire Dubois a rouvert le dossier de Marc Vidal. « Rien ne sera laissé au hasard », a-t-elle assuré.";
    let a = annotate(t);
    let k = claim(&a, t, "Rien ne sera laissé au hasard");
    assert_eq!(text_of(t, k.source), "elle");
    assert!(
        text_of(t, k.source_ref).contains("Claire Dubois"),
        "{:?}",
        k
    );
}

#[test]
fn any_conditional_hedges_an_according_to_claim() {
    let t = "Il s'agirait d'un acte criminel, selon les enquêteurs.";
    let a = annotate(t);
    let k = claim(&a, t, "Il s'agirait d'un acte criminel");
    assert_eq!(k.kind, AccordingTo);
    assert!(k.hedged);
}

#[test]
fn future_in_the_past_under_a_reporting_verb_is_not_hedged() {
    let t = "Le maire a annoncé que la piscine rouvrirait en juin.";
    let a = annotate(t);
    let k = claim(&a, t, "la piscine rouvrirait en juin");
    assert!(!k.hedged);
}

#[test]
fn present_conditional_after_a_past_reporting_verb_is_not_hedged() {
    let t = "Le ministre a déclaré que la réforme serait votée en mars.";
    let a = annotate(t);
    assert!(!claim(&a, t, "la réforme serait votée en mars").hedged);
    let t = "Le procureur a précisé que les suspects auraient fui vers l'Espagne.";
    let a = annotate(t);
    assert!(claim(&a, t, "les suspects auraient fui vers l'Espagne").hedged);
    let t = "La chaîne affirme que le directeur serait sur le départ.";
    let a = annotate(t);
    assert!(claim(&a, t, "le directeur serait sur le départ").hedged);
}

#[test]
fn quotation_over_several_paragraphs() {
    let t = "Titre\n\n« Nous avons reconstruit l'école en un an.\n\n« Il reste à rebâtir la mairie », a expliqué le maire, Louis Perrin.";
    assert_eq!(
        claims(t),
        [
            c(
                Direct,
                "Nous avons reconstruit l'école en un an.",
                "a expliqué",
                "le maire, Louis Perrin"
            ),
            c(
                Direct,
                "Il reste à rebâtir la mairie",
                "a expliqué",
                "le maire, Louis Perrin"
            ),
        ]
    );
}

#[test]
fn coordinated_speakers() {
    one_indirect(
        "Le maire et son adjoint ont affirmé que le budget était équilibré.",
        "le budget était équilibré",
        "ont affirmé",
        "Le maire et son adjoint",
    );
    one_indirect(
        "Il est arrivé et son adjoint a affirmé que tout allait bien.",
        "tout allait bien",
        "a affirmé",
        "son adjoint",
    );
}

#[test]
fn two_word_adverb_inside_the_cue() {
    let t = "Elle a par ailleurs estimé que la saison était « exceptionnelle ».";
    assert_eq!(
        claims(t),
        [c(
            Indirect,
            "la saison était « exceptionnelle »",
            "a par ailleurs estimé",
            "Elle"
        )]
    );
}

#[test]
fn selon_source_with_participle_and_agent() {
    one_according(
        "Selon des témoins cités par la radio locale, au moins 20 personnes ont été blessées.",
        "au moins 20 personnes ont été blessées",
        "Selon",
        "des témoins cités par la radio locale",
    );
    one_according(
        "Selon les chiffres de l'Insee publiés jeudi, le chômage a reculé de 0,2 point.",
        "le chômage a reculé de 0,2 point",
        "Selon",
        "l'Insee",
    );
}

#[test]
fn impersonal_a_t_on_appris_is_not_content() {
    one_according(
        "Le suspect a été arrêté à Nice, a-t-on appris de source policière.",
        "Le suspect a été arrêté à Nice",
        "de source",
        "source policière",
    );
}

#[test]
fn reflexive_cue_after_a_quote() {
    let t = "« C'est un scandale », s'est indigné le député.";
    assert_eq!(
        claims(t),
        [c(Direct, "C'est un scandale", "s'est indigné", "le député")]
    );
}

#[test]
fn selon_then_the_clause_subject_with_a_relative() {
    one_according(
        "Selon la presse locale, le maire, qui a démissionné lundi, est visé par une enquête.",
        "le maire, qui a démissionné lundi, est visé par une enquête",
        "Selon",
        "la presse locale",
    );
}

#[test]
fn two_verbs_each_with_its_auxiliary() {
    let t = "La directrice, Julie Martin, a précisé que 30 postes seraient créés et a ajouté que les travaux débuteraient en mai.";
    assert_eq!(
        claims(t),
        [
            c(
                Indirect,
                "30 postes seraient créés",
                "a précisé",
                "La directrice, Julie Martin"
            ),
            c(
                Indirect,
                "les travaux débuteraient en mai",
                "a ajouté",
                "La directrice, Julie Martin"
            ),
        ]
    );
}

#[test]
fn quotation_cut_by_a_selon_attribution() {
    let t = "« Les secours sont arrivés en quinze minutes », selon le maire, « mais il était trop tard ».";
    assert_eq!(
        claims(t),
        [
            c(
                Direct,
                "Les secours sont arrivés en quinze minutes",
                "selon",
                "le maire"
            ),
            c(Direct, "mais il était trop tard", "selon", "le maire"),
        ]
    );
}
