//! Examples of every construction: French sentences in, claim span texts out.

use crate::analysis::Analysis;
use crate::annotation::{Claim, ClaimKind};

/// (kind, content, cue, source) of each claim, as texts.
type Row = (&'static str, String, String, String);

fn rows(text: &str) -> Vec<(String, String, String, String)> {
    let a = Analysis::new(text);
    super::extract(&a, &[])
        .iter()
        .map(|c: &Claim| {
            let t = |s: Option<crate::Span>| {
                s.map_or(String::new(), |s| text[s.start..s.end].to_string())
            };
            (
                c.kind.as_str().to_string(),
                text[c.content.start..c.content.end].to_string(),
                t(c.cue),
                t(c.source),
            )
        })
        .collect()
}

fn row(
    kind: ClaimKind,
    content: &str,
    cue: &str,
    source: &str,
) -> (String, String, String, String) {
    (
        kind.as_str().to_string(),
        content.to_string(),
        cue.to_string(),
        source.to_string(),
    )
}

use ClaimKind::{AccordingTo, Direct, Indirect, Unattributed};

#[allow(dead_code)]
fn _unused(_: Row) {}

#[test]
fn post_posed_direct_quote() {
    assert_eq!(
        rows("« Nous resterons ici », a déclaré le ministre de l'Intérieur, Paul Martin, lundi."),
        [row(
            Direct,
            "Nous resterons ici",
            "a déclaré",
            "le ministre de l'Intérieur, Paul Martin"
        )]
    );
    assert_eq!(
        rows("« C'est une victoire » a déclaré maître Dupont après le match."),
        [row(
            Direct,
            "C'est une victoire",
            "a déclaré",
            "maître Dupont"
        )]
    );
}

#[test]
fn inverted_subject_is_inside_the_cue() {
    assert_eq!(
        rows("« Rien n'est décidé », affirme-t-il."),
        [row(Direct, "Rien n'est décidé", "affirme-t-il", "il")]
    );
    assert_eq!(
        rows("« Nous verrons bien », a-t-elle ajouté."),
        [row(Direct, "Nous verrons bien", "a-t-elle ajouté", "elle")]
    );
}

#[test]
fn nbsp_inside_guillemets_is_excluded() {
    assert_eq!(
        rows("«\u{a0}Tout va bien\u{a0}», a assuré la directrice."),
        [row(Direct, "Tout va bien", "a assuré", "la directrice")]
    );
    assert_eq!(
        rows("«\u{202f}Oui.\u{202f}», dit-elle."),
        [row(Direct, "Oui.", "dit-elle", "elle")]
    );
}

#[test]
fn curly_and_straight_quotes() {
    assert_eq!(
        rows("“Le pont est fermé”, a indiqué la préfecture."),
        [row(
            Direct,
            "Le pont est fermé",
            "a indiqué",
            "la préfecture"
        )]
    );
    assert_eq!(
        rows("\"Le pont est fermé\", a indiqué la préfecture."),
        [row(
            Direct,
            "Le pont est fermé",
            "a indiqué",
            "la préfecture"
        )]
    );
}

#[test]
fn pre_posed_colon_quote() {
    assert_eq!(
        rows("Le maire de Lyon a déclaré : « La ville est prête. Nous attendons les visiteurs. »"),
        [row(
            Direct,
            "La ville est prête. Nous attendons les visiteurs.",
            "a déclaré",
            "Le maire de Lyon"
        )]
    );
}

#[test]
fn quote_cut_by_its_attribution() {
    assert_eq!(
        rows("« Nous avons gagné », dit-il, « mais la saison est longue »."),
        [
            row(Direct, "Nous avons gagné", "dit-il", "il"),
            row(Direct, "mais la saison est longue", "dit-il", "il")
        ]
    );
}

#[test]
fn quote_continued_in_the_next_sentence() {
    assert_eq!(
        rows("« Le match était dur », a expliqué l'entraîneur Marc Dubois. « Mais nous avons tenu. »"),
        [
            row(Direct, "Le match était dur", "a expliqué", "l'entraîneur Marc Dubois"),
            row(Direct, "Mais nous avons tenu.", "a expliqué", "l'entraîneur Marc Dubois")
        ]
    );
}

#[test]
fn indirect_que_clause() {
    assert_eq!(
        rows("Le porte-parole du gouvernement a indiqué mardi que la réforme serait reportée."),
        [row(
            Indirect,
            "la réforme serait reportée",
            "a indiqué",
            "Le porte-parole du gouvernement"
        )]
    );
    assert_eq!(
        rows("Il a réaffirmé lundi qu'il irait jusqu'au bout."),
        [row(Indirect, "il irait jusqu'au bout", "a réaffirmé", "Il")]
    );
    assert_eq!(
        rows("Mme Rougier a également annoncé aux journalistes que l'usine fermerait."),
        [row(
            Indirect,
            "l'usine fermerait",
            "a également annoncé",
            "Mme Rougier"
        )]
    );
}

#[test]
fn que_clause_entirely_in_guillemets_is_direct() {
    assert_eq!(
        rows("Le procureur a précisé que « l'explosion d'hier est un accident »."),
        [row(
            Direct,
            "l'explosion d'hier est un accident",
            "a précisé",
            "Le procureur"
        )]
    );
    assert_eq!(
        rows("Le chef de l'État, qui a rappelé que selon lui « la loi est claire. » (elle date de 2015)."),
        [row(Direct, "la loi est claire.", "a rappelé", "Le chef de l'État")]
    );
}

#[test]
fn partial_quotes_stay_inside_the_indirect_content() {
    assert_eq!(
        rows("Les syndicats affirment avoir « tout tenté » pour éviter la grève."),
        [row(
            Indirect,
            "avoir « tout tenté » pour éviter la grève",
            "affirment",
            "Les syndicats"
        )]
    );
}

#[test]
fn infinitive_complement_with_parenthetical() {
    assert_eq!(
        rows("Dupont estime, lui, être la cible d'une campagne."),
        [row(
            Indirect,
            "être la cible d'une campagne",
            "estime",
            "Dupont"
        )]
    );
    assert_eq!(
        rows("Ce dernier indique vouloir rencontrer les syndicats."),
        [row(
            Indirect,
            "vouloir rencontrer les syndicats",
            "indique",
            "Ce dernier"
        )]
    );
}

#[test]
fn post_posed_indirect() {
    assert_eq!(
        rows("Le festival accueillera cette année trois scènes, avait annoncé sa directrice Anne Roy."),
        [row(
            Indirect,
            "Le festival accueillera cette année trois scènes",
            "avait annoncé",
            "sa directrice Anne Roy"
        )]
    );
    assert_eq!(
        rows("Une femme a été blessée par balle à Nîmes, a rapporté le Midi Libre."),
        [row(
            Indirect,
            "Une femme a été blessée par balle à Nîmes",
            "a rapporté",
            "le Midi Libre"
        )]
    );
}

#[test]
fn post_posed_needs_a_speaker() {
    // An apposition between commas, then a verb with an object: not a post-posed attribution.
    assert!(rows("Le maire, élu en 2014, a annoncé la fermeture de l'école.").is_empty());
    // A subject with its relative clause is not a reported clause.
    assert!(
        rows("Dupont, qui s'est opposé aux accords, a soutenu Martin pour sa campagne.").is_empty()
    );
}

#[test]
fn subject_beyond_a_relative_clause() {
    assert_eq!(
        rows("Le manager du club, José Mourinho, qui a dépensé 105 millions d'euros, et une taxe de 75 millions, a déclaré : « Rien n'est trop cher »."),
        [row(Direct, "Rien n'est trop cher", "a déclaré", "Le manager du club, José Mourinho")]
    );
}

#[test]
fn object_then_colon() {
    assert_eq!(
        rows("Le ministre reprend la réplique du député en lui répondant : « Vous avez raison »."),
        [row(Direct, "Vous avez raison", "reprend", "Le ministre")]
    );
    assert_eq!(
        rows(
            "Un chercheur nuance toutefois les effets de la crise : elle est plus forte en ville."
        ),
        [row(
            Indirect,
            "elle est plus forte en ville",
            "nuance",
            "Un chercheur"
        )]
    );
    // A list after the colon is not a reported statement (the figure makes it unattributed).
    assert_eq!(
        rows("Le gouvernement dévoile ses premiers chiffres : 207 millions d'habitants."),
        [row(
            Unattributed,
            "Le gouvernement dévoile ses premiers chiffres : 207 millions d'habitants",
            "",
            ""
        )]
    );
}

#[test]
fn subject_is_the_antecedent_of_a_relative_clause() {
    assert_eq!(
        rows("Les procès qui opposent certains géants de l'industrie révèlent que Google a payé."),
        [row(Indirect, "Google a payé", "révèlent", "Les procès")]
    );
}

#[test]
fn any_inverted_verb_after_a_quote_is_a_cue() {
    assert_eq!(
        rows("« Vous mentez », clame-t-il dans la vidéo."),
        [row(Direct, "Vous mentez", "clame-t-il", "il")]
    );
    assert_eq!(
        rows("« Tout artiste a la Terre », a-t-il expliqué en 1994, avant d'ajouter : « J'ai la Lune »."),
        [
            row(Direct, "Tout artiste a la Terre", "a-t-il expliqué", "il"),
            row(Direct, "J'ai la Lune", "ajouter", "il")
        ]
    );
}

#[test]
fn two_verbs_give_two_claims() {
    assert_eq!(
        rows("Le juge a précisé que « l'enquête continue », et ajouté que « rien n'est exclu »."),
        [
            row(Direct, "l'enquête continue", "a précisé", "Le juge"),
            row(Direct, "rien n'est exclu", "ajouté", "Le juge")
        ]
    );
}

#[test]
fn gerund_takes_the_subject_of_the_clause() {
    assert_eq!(
        rows("La région financera le projet. C'est ce qu'a annoncé hier le président Jean Roux, soulignant que « l'objectif est clair »."),
        [
            row(Indirect, "La région financera le projet", "a annoncé", "le président Jean Roux"),
            row(Direct, "l'objectif est clair", "soulignant", "le président Jean Roux")
        ]
    );
}

#[test]
fn selon_at_the_start() {
    assert_eq!(
        rows("Selon la police, le bâtiment n'était pas aux normes."),
        [row(
            AccordingTo,
            "le bâtiment n'était pas aux normes",
            "Selon",
            "la police"
        )]
    );
    assert_eq!(
        rows("Selon les informations d'un porte-parole de la police berlinoise à l'AFP, le suspect a fui."),
        [row(AccordingTo, "le suspect a fui", "Selon", "un porte-parole de la police berlinoise")]
    );
}

#[test]
fn selon_with_a_quotation_is_direct() {
    assert_eq!(
        rows("Selon les propos de son avocat, Me Jean Roux à l'AFP, « l'audience est reportée »."),
        [row(
            Direct,
            "l'audience est reportée",
            "Selon",
            "son avocat, Me Jean Roux"
        )]
    );
    assert_eq!(
        rows("« Il est innocent », selon Mario Joseph, l'un de ses avocats."),
        [row(Direct, "Il est innocent", "selon", "Mario Joseph")]
    );
}

#[test]
fn selon_phrase_details() {
    assert_eq!(
        rows("Selon le négociateur pour l'industrie du taxi, Guy Chevrette, cette annonce est une victoire."),
        [row(
            AccordingTo,
            "cette annonce est une victoire",
            "Selon",
            "le négociateur pour l'industrie du taxi, Guy Chevrette"
        )]
    );
    assert_eq!(
        rows("Cinq soldats ont été tués, selon ce qu'a indiqué l'armée."),
        [row(
            AccordingTo,
            "Cinq soldats ont été tués",
            "selon",
            "l'armée"
        )]
    );
    assert_eq!(
        rows("Le trafic est coupé, selon Enedis (anciennement ERDF)."),
        [row(AccordingTo, "Le trafic est coupé", "selon", "Enedis")]
    );
    assert_eq!(
        rows("Vers 14h50, selon le ministère, les manifestants sont 33 500."),
        [row(
            AccordingTo,
            "Vers 14h50, selon le ministère, les manifestants sont 33 500",
            "selon",
            "le ministère"
        )]
    );
    assert_eq!(
        rows("En effet, selon le lieutenant Christophe Le Gallo, le trafic a doublé."),
        [row(
            AccordingTo,
            "En effet, selon le lieutenant Christophe Le Gallo, le trafic a doublé",
            "selon",
            "le lieutenant Christophe Le Gallo"
        )]
    );
}

#[test]
fn selon_at_the_end() {
    assert_eq!(
        rows("L'incendie a fait plus de vingt morts, selon le maire."),
        [row(
            AccordingTo,
            "L'incendie a fait plus de vingt morts",
            "selon",
            "le maire"
        )]
    );
    assert_eq!(
        rows("Il y aurait plus de 50 morts selon les médias."),
        [row(
            AccordingTo,
            "Il y aurait plus de 50 morts",
            "selon",
            "les médias"
        )]
    );
    assert_eq!(
        rows("Aucun symptôme n'a été signalé d'après l'autorité sanitaire."),
        [row(
            AccordingTo,
            "Aucun symptôme n'a été signalé",
            "d'après",
            "l'autorité sanitaire"
        )]
    );
}

#[test]
fn selon_followed_by_an_adjunct_or_inserted() {
    assert_eq!(
        rows("Aucun retard n'a été constaté, selon une source aéroportuaire, malgré l'annulation de 36 vols."),
        [row(AccordingTo, "Aucun retard n'a été constaté", "selon", "une source aéroportuaire")]
    );
    assert_eq!(
        rows("Cette opération est selon la presse une mesure de rétorsion."),
        [row(
            AccordingTo,
            "Cette opération est selon la presse une mesure de rétorsion",
            "selon",
            "la presse"
        )]
    );
    assert_eq!(rows("Le projet de loi est nommé d'après un militant."), []);
    assert_eq!(
        rows("Ces consultations, selon le chef de l'État, visent à apaiser le pays."),
        [row(
            AccordingTo,
            "Ces consultations, selon le chef de l'État, visent à apaiser le pays",
            "selon",
            "le chef de l'État"
        )]
    );
}

#[test]
fn unattributed_sentences_with_a_figure() {
    assert_eq!(
        rows("Inondations dans le Sud\n\n3 avril 2016. – Six personnes sont mortes et huit ont été blessées. Le préfet est sur place."),
        [row(Unattributed, "Six personnes sont mortes et huit ont été blessées", "", "")]
    );
}

#[test]
fn unattributed_clause_beside_an_attributed_one() {
    assert_eq!(
        rows("Dans le Gard, neuf radars ont été incendiés, et, d'après le journal Le Dauphiné, cela est relié au mouvement."),
        [
            row(Unattributed, "Dans le Gard, neuf radars ont été incendiés", "", ""),
            row(AccordingTo, "cela est relié au mouvement", "d'après", "le journal Le Dauphiné")
        ]
    );
}

#[test]
fn no_unattributed_claim_for_titles_questions_dates_and_demands() {
    assert!(rows("Trois morts dans un incendie\n\nCombien de pompiers étaient là ?").is_empty());
    assert!(rows("Le festival a eu lieu le 15 mars 2017.").is_empty());
    assert!(rows("La DGAC recommande aux compagnies de réduire de 25 % les vols.").is_empty());
    assert!(rows("Il a duré quatre heures.").is_empty());
}

#[test]
fn hedged_and_source_ref() {
    let text = "Le ministre Paul Roux a démenti. Il a ajouté que l'usine aurait fermé.";
    let a = Analysis::new(text);
    let c = super::extract(&a, &[]);
    assert_eq!(c.len(), 1);
    assert!(c[0].hedged);
    let src = c[0].source.unwrap();
    assert_eq!(&text[src.start..src.end], "Il");
    assert_eq!(c[0].source_ref, None); // no earlier claim, no PER entity given
    let text = "« Oui », a déclaré Paul Roux. Il a ajouté que l'usine fermerait.";
    let a = Analysis::new(text);
    let c = super::extract(&a, &[]);
    let r = c[1].source_ref.unwrap();
    assert_eq!(&text[r.start..r.end], "Paul Roux");
}

#[test]
fn never_panics_on_odd_inputs() {
    let odd = [
        "",
        " ",
        "«",
        "»",
        "« « « »",
        "» Bonjour «",
        "\"",
        "\"\"\"",
        "« a “ b » c ”",
        "🙂 « 😀 », a dit 🙃.",
        "e\u{301}te\u{301} « e\u{301} », a-t-il dit.",
        "Ligne un\r\n\r\n« Ligne deux »,\r\na déclaré X.\r\n",
        "\u{a0}\u{202f}«\u{a0}\u{202f}»\u{a0}",
        "Selon",
        "selon ,",
        "d'après",
        "a déclaré que",
        "qu'",
        "-t-il",
        "a-t-",
        "Il a dit :",
        "« »",
        ", a déclaré le",
        "C'est ce qu'a",
        "M. . . . N.",
        "’’’ l’ qu’ ’",
        "\u{200f}\u{200e}«\u{200f}»",
        "5 % 5 5 5",
        "(((( ))))",
        "« A », dit-il, «",
        "Selon les propos de",
    ];
    for t in odd {
        let a = Analysis::new(t);
        for c in super::extract(&a, &[]) {
            for s in [Some(c.content), c.cue, c.source, c.source_ref]
                .into_iter()
                .flatten()
            {
                assert!(s.start <= s.end && s.end <= t.len());
                assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
                let x = &t[s.start..s.end];
                assert_eq!(x, x.trim(), "{t:?}");
            }
        }
    }
}
