//! Relation patterns on invented sentences (none from the evaluation articles): each test names
//! the structure it protects.

use newsgraph::document::Document;
use newsgraph::entities::gazetteer::Gazetteer;
use newsgraph::ontology::Ontology;
use newsgraph::pipeline::{Extractor, SyntaxLevel};

/// "subject predicate object" (with "not " before negated predicates) for every relation.
fn relations(text: &str) -> Vec<String> {
    relations_with(text, false)
}

/// As [`relations`], with unnamed group actors ("Afghan rebels") on or off.
fn relations_with(text: &str, group_actors: bool) -> Vec<String> {
    relations_at(text, group_actors, SyntaxLevel::default())
}

/// As [`relations`], with group actors on or off and the given syntax level.
fn relations_at(text: &str, group_actors: bool, syntax: SyntaxLevel) -> Vec<String> {
    let ontology = Ontology::embedded().unwrap();
    let extractor = Extractor::new(&ontology, Gazetteer::embedded())
        .with_group_actors(group_actors)
        .with_syntax(syntax);
    let doc = Document {
        id: "test".into(),
        title: None,
        source: "test".into(),
        url: None,
        date: None,
        text: text.into(),
    };
    let graph = extractor.extract(&doc);
    graph
        .relations()
        .into_iter()
        .map(|(s, o, e)| {
            let neg = if e.negated { "not " } else { "" };
            format!("{} {neg}{} {}", s.label, e.predicate, o.label)
        })
        .collect()
}

fn has(rels: &[String], want: &str) -> bool {
    rels.iter().any(|r| r == want)
}

#[test]
fn coordinated_subjects_of_a_symmetric_noun_trigger_relate_pairwise() {
    let r = relations("Peru and Chile resumed negotiations on Monday over their maritime border.");
    assert!(
        has(&r, "Chile meetsWith Peru") || has(&r, "Peru meetsWith Chile"),
        "{r:?}"
    );
}

#[test]
fn a_noun_trigger_reaches_the_actor_behind_an_unnamed_part() {
    let r = relations(
        "Norway has expanded cooperation in recent years with the coast guards of Iceland and Denmark.",
    );
    assert!(has(&r, "Norway agreesWith Iceland"), "{r:?}");
    assert!(has(&r, "Norway agreesWith Denmark"), "{r:?}");
}

#[test]
fn criticism_from_an_actor_in_an_adjunct_targets_the_main_subject() {
    let r = relations(
        "Finland went ahead with the exercise on Tuesday despite criticism from Sweden and Estonia.",
    );
    assert!(has(&r, "Sweden condemns Finland"), "{r:?}");
    assert!(has(&r, "Estonia condemns Finland"), "{r:?}");
}

#[test]
fn a_participial_adjunct_takes_the_main_clause_subject() {
    let r = relations(
        "Austria recalled its envoy from the talks in Vienna, accusing Hungary of bad faith.",
    );
    assert!(has(&r, "Austria accuses Hungary"), "{r:?}");
}

#[test]
fn an_obligation_in_reported_speech_is_a_demand_of_the_speaker() {
    let r = relations("Portugal said on Friday that Morocco must release the fishermen.");
    assert!(has(&r, "Portugal demands Morocco"), "{r:?}");
    // a state, not an action, is no demand
    let r = relations("Portugal said on Friday that Morocco must become a safer place.");
    assert!(!has(&r, "Portugal demands Morocco"), "{r:?}");
}

#[test]
fn an_obligation_in_a_quote_belongs_to_the_innermost_speaker() {
    let r = relations(
        "Kenya's foreign minister Raila Odinga told reporters, \"Uganda suggested that Tanzania should open its border.\"",
    );
    assert!(!has(&r, "Raila Odinga demands Tanzania"), "{r:?}");
    assert!(has(&r, "Uganda demands Tanzania"), "{r:?}");
}

#[test]
fn learned_cameo_verbs_trigger_relations() {
    // "berate" is no hand-listed trigger; the CAMEO dictionary puts it beside "denounce"
    let r = relations("Ghana berated Togo over the border closure.");
    assert!(has(&r, "Ghana condemns Togo"), "{r:?}");
}

#[test]
fn a_collective_noun_followed_by_a_list_gives_memberships() {
    let r = relations(
        "Mercosur is a trade bloc of five countries, Argentina, Brazil, Paraguay, Uruguay and Bolivia, founded in 1991.",
    );
    for c in ["Argentina", "Brazil", "Paraguay", "Uruguay", "Bolivia"] {
        assert!(has(&r, &format!("{c} memberOf Mercosur")), "{c}: {r:?}");
    }
}

#[test]
fn positional_locations_are_stated_relations() {
    let r = relations("The rally was organized by the Sadrist Movement in Iraq on Friday.");
    assert!(has(&r, "Sadrist Movement locatedIn Iraq"), "{r:?}");
    let r = relations("Human Rights Watch in Kenya criticized the police on Friday.");
    assert!(has(&r, "Human Rights Watch locatedIn Kenya"), "{r:?}");
    let r = relations("Smoke reached Lima, Peru on Monday.");
    assert!(has(&r, "Lima locatedIn Peru"), "{r:?}");
    // a list of places is no location statement
    let r = relations("Delegates came from Lima, Peru, Chile and Bolivia.");
    assert!(!r.iter().any(|x| x.contains("locatedIn")), "{r:?}");
}

/// Quotes with their speakers as "speaker: first words".
fn quotes(text: &str) -> Vec<String> {
    let ontology = Ontology::embedded().unwrap();
    let extractor = Extractor::new(&ontology, Gazetteer::embedded());
    let a = extractor.analyze(text);
    a.quotes
        .iter()
        .map(|q| {
            let who = q.speaker.map_or("(none)".to_string(), |e| {
                a.entities.entities[e].label.clone()
            });
            let words: String = text[q.span.start..q.span.end].chars().take(20).collect();
            format!("{who}: {words}")
        })
        .collect()
}

#[test]
fn a_quote_ending_its_sentence_is_reported_by_the_next() {
    let q = quotes(
        "Norwegian Prime Minister Erna Solberg spoke on Monday.\n\n\"We will not give in. Never!\" Solberg told the parliament in Oslo.",
    );
    assert!(
        q.iter().any(|x| x.starts_with("Erna Solberg: We will not")),
        "{q:?}"
    );
}

#[test]
fn a_quote_according_to_a_medium_by_a_person_is_theirs() {
    let q = quotes(
        "\"The border stays closed,\" according to a statement on Monday by Chilean Interior Minister Rodrigo Delgado.",
    );
    assert!(
        q.iter()
            .any(|x| x.starts_with("Rodrigo Delgado: The border")),
        "{q:?}"
    );
}

#[test]
fn a_title_description_speaks_for_the_person_introduced_with_it() {
    let q = quotes(
        "Former Finnish President Tarja Halonen visited Nairobi on Monday. She was criticized by Kenyan Senator Moses Wetangula. The former president, however, replied, \"Dialogue is never wasted.\"",
    );
    assert!(
        q.iter().any(|x| x.starts_with("Tarja Halonen: Dialogue")),
        "{q:?}"
    );
}

#[test]
fn a_resolution_speaks_for_the_body_that_adopted_it() {
    let q = quotes(
        "The United Nations Security Council has voted to adopt Resolution 2999. Resolution 2999 says, \"all parties must cease hostilities.\"",
    );
    assert!(
        q.iter()
            .any(|x| x.starts_with("United Nations Security Council: all parties")),
        "{q:?}"
    );
}

#[test]
fn the_object_of_a_control_verb_sits_in_its_complement() {
    let r =
        relations("Ecuador threatened to cut off oil exports unless Colombia closed the border.");
    assert!(has(&r, "Ecuador threatens Colombia"), "{r:?}");
}

#[test]
fn coordinated_subjects_that_agree_agree_with_each_other() {
    let r = relations("Mali and Senegal agreed on Tuesday to reopen their shared railway.");
    assert!(
        has(&r, "Mali agreesWith Senegal") || has(&r, "Senegal agreesWith Mali"),
        "{r:?}"
    );
}

#[test]
fn a_pronoun_after_a_reporting_verb_is_its_speaker() {
    let r = relations(
        "Cuba and Bolivia signed a trade pact. Venezuelan officials said they would boycott all contact with Colombia.",
    );
    assert!(has(&r, "Venezuela opposes Colombia"), "{r:?}");
    assert!(!has(&r, "Cuba opposes Colombia"), "{r:?}");
}

#[test]
fn a_gendered_pronoun_skips_the_nearer_person_of_the_other_gender() {
    // first names from the learned table: "she" is the woman named first, "him" the man
    let r =
        relations("Angela Merkel met Alan Greenwood in Oslo. She praised him for his patience.");
    assert!(has(&r, "Angela Merkel supports Alan Greenwood"), "{r:?}");
    assert!(!has(&r, "Alan Greenwood supports Angela Merkel"), "{r:?}");
    // an honorific decides where the table cannot: "Ms." makes Robin a woman
    let r = relations("Ms. Robin Castell met Hugo Brandt in Vienna. She criticized him sharply.");
    assert!(has(&r, "Robin Castell condemns Hugo Brandt"), "{r:?}");
}

#[test]
fn a_pronoun_opening_a_sentence_prefers_the_previous_subject() {
    // both men: recency would pick the object, subject preference picks the caller
    let r = relations(
        "Hugo Brandt telephoned Alan Greenwood on Monday. He urged Norway to reopen the talks.",
    );
    assert!(has(&r, "Hugo Brandt demands Norway"), "{r:?}");
    assert!(!has(&r, "Alan Greenwood demands Norway"), "{r:?}");
}

#[test]
fn a_demonym_with_a_people_noun_names_the_people_not_the_state() {
    let r = relations("Jordan sent aid to Palestinian refugees in Lebanon.");
    assert!(has(&r, "Jordan aids Palestinians"), "{r:?}");
    assert!(!has(&r, "Jordan aids Lebanon"), "{r:?}");
}

#[test]
fn a_city_with_an_apposed_description_is_located_in_its_state() {
    // "the capital" names no state: the gazetteer's state of the capital does
    let r = relations("The delegates met in Tehran, the capital, on Monday.");
    assert!(has(&r, "Tehran locatedIn Iran"), "{r:?}");
    // a city named without an apposition states nothing about where it lies
    let r = relations("The delegates met in Tehran on Monday.");
    assert!(!has(&r, "Tehran locatedIn Iran"), "{r:?}");
}

#[test]
fn drawing_fire_from_an_actor_is_that_actor_condemning_the_subject() {
    let r = relations("Canada has drawn fire over the years, especially from Norway.");
    assert!(has(&r, "Norway condemns Canada"), "{r:?}");
    assert!(!has(&r, "Canada condemns Norway"), "{r:?}");
}

#[test]
fn a_predeterminer_opens_the_actor_list_after_a_noun_trigger() {
    let r = relations("Finland went ahead despite criticism from both Sweden and Estonia.");
    assert!(has(&r, "Sweden condemns Finland"), "{r:?}");
    assert!(has(&r, "Estonia condemns Finland"), "{r:?}");
}

#[test]
fn an_actor_modifying_a_trigger_noun_is_its_subject() {
    let r = relations("The bank has suffered under Canadian sanctions against Belarus since 2012.");
    assert!(has(&r, "Canada sanctions Belarus"), "{r:?}");
    let r = relations("Officials described the Norwegian support for Chile as decisive.");
    assert!(has(&r, "Norway supports Chile"), "{r:?}");
    // a trigger noun that itself modifies a noun ("opposition leader") relates nothing
    let r = relations("The Danish opposition leader was poisoned with arsenic in Sweden.");
    assert!(!r.iter().any(|x| x.contains("opposes")), "{r:?}");
}

#[test]
fn a_place_description_of_a_state_locates_the_place() {
    let r = relations("Floods hit the Peruvian town of Huaraz on Monday.");
    assert!(has(&r, "Huaraz locatedIn Peru"), "{r:?}");
    let r = relations("Troops were sent to the Argentine province of Chubut.");
    assert!(has(&r, "Chubut partOf Argentina"), "{r:?}");
    // the description types the unknown name as a place ("the city of X, Country")
    let r = relations("Protesters gathered in the city of Tromsø, Norway, on Monday.");
    assert!(has(&r, "Tromsø locatedIn Norway"), "{r:?}");
    // the relation of belonging is not read as an actor's stance
    assert!(
        !r.iter().any(|x| x.starts_with("Norway locatedIn")),
        "{r:?}"
    );
}

#[test]
fn the_event_of_a_demonym_agent_is_the_agents_state() {
    let r = relations("Estonia demanded the withdrawal of Belarusian troops from the border.");
    assert!(has(&r, "Estonia demands Belarus"), "{r:?}");
    let r = relations("Chile is opposed to Peruvian mediation in the dispute.");
    assert!(has(&r, "Chile opposes Peru"), "{r:?}");
}

#[test]
fn an_action_aimed_at_a_states_assets_is_aimed_at_the_state() {
    let r = relations("Chile threatened to shell Peruvian towns near the border.");
    assert!(has(&r, "Chile threatens Peru"), "{r:?}");
    // a place description names a place, not the state as a target
    let r = relations("Chile threatened to shell the Peruvian town of Tacna.");
    assert!(!has(&r, "Chile threatens Peru"), "{r:?}");
}

#[test]
fn telephoning_an_actor_is_meeting_it() {
    let r = relations("Norway's foreign minister Espen Barth Eide telephoned Chile on Tuesday.");
    assert!(r.iter().any(|x| x.ends_with("meetsWith Chile")), "{r:?}");
}

#[test]
fn ending_cooperation_is_a_sanction() {
    let r = relations("Norway said it had halted economic aid to Chile.");
    assert!(has(&r, "Norway sanctions Chile"), "{r:?}");
    assert!(!has(&r, "Norway aids Chile"), "{r:?}");
    let r = relations("Estonia cancelled a planned visit to Belarus.");
    assert!(has(&r, "Estonia sanctions Belarus"), "{r:?}");
    // British spelling of the participle is a form of the verb
    let r = relations("Switzerland expelled two Russian diplomats.");
    assert!(has(&r, "Switzerland sanctions Russia"), "{r:?}");
}

#[test]
fn a_passive_source_after_from_is_not_the_agent() {
    let r = relations("Serbian diplomats were expelled from Croatia in 1995.");
    assert!(!has(&r, "Croatia sanctions Serbia"), "{r:?}");
    let r = relations("Serbian diplomats were expelled by Croatia in 1995.");
    assert!(has(&r, "Croatia sanctions Serbia"), "{r:?}");
}

#[test]
fn a_name_after_said_is_the_complements_subject_not_an_addressee() {
    let r =
        relations("Estonia's foreign minister Urmas Paet said Russia must withdraw its troops.");
    assert!(has(&r, "Urmas Paet demands Russia"), "{r:?}");
}

#[test]
fn a_possessor_opening_a_sentence_is_a_name_and_a_short_form_joins_its_organization() {
    let r = relations("Velmora's director, Ivan Petrov, denied the report.");
    assert!(has(&r, "Ivan Petrov leads Velmora"), "{r:?}");
    // "Korvian" looks like a demonym, but a possessive makes it a noun; it is the airline
    // named before
    let r = relations(
        "Estonia suspended Korvian Air's permit. Officials said Korvian's director, Ivan Petrov, had left.",
    );
    assert!(has(&r, "Estonia sanctions Korvian Air"), "{r:?}");
    assert!(has(&r, "Ivan Petrov leads Korvian Air"), "{r:?}");
}

#[test]
fn a_hyphenated_title_is_the_title() {
    let r = relations(
        "Mirela Kovac, the Croatian ambassador-at-large for maritime affairs, met fishermen in Split.",
    );
    assert!(has(&r, "Mirela Kovac represents Croatia"), "{r:?}");
    // an elected official not yet in office does not lead
    let r = relations("Chilean president-elect Tomas Varela thanked his supporters on Sunday.");
    assert!(!r.iter().any(|x| x.contains("leads Chile")), "{r:?}");
}

#[test]
fn a_relative_clause_title_belongs_to_the_apposed_person() {
    let r = relations(
        "Lars Ostberg, who had been Norway's prime minister since 2011, died in Oslo on Monday.",
    );
    assert!(has(&r, "Lars Ostberg leads Norway"), "{r:?}");
    let r = relations("Marta Pires, who served as President of Portugal, spoke in Lisbon.");
    assert!(has(&r, "Marta Pires leads Portugal"), "{r:?}");
}

#[test]
fn a_clause_before_a_title_is_not_the_titles_organization() {
    // the walk back from "President" stops at the finite verb: Amnesty International is the
    // critic, not the president's organization
    let r =
        relations("Amnesty International denounced President Joaquim Silva's decree on Tuesday.");
    assert!(
        !has(&r, "Joaquim Silva leads Amnesty International"),
        "{r:?}"
    );
    // the office of a state before "of" still names it
    let r = relations(
        "The Peruvian government of Prime Minister Ana Quispe approved the budget on Friday.",
    );
    assert!(has(&r, "Ana Quispe leads Peru"), "{r:?}");
}

#[test]
fn a_single_name_after_a_title_is_a_person() {
    let r = relations("Yesterday, Kenya's security minister Odhiambo was attacked in Mombasa.");
    assert!(has(&r, "Odhiambo represents Kenya"), "{r:?}");
}

#[test]
fn a_sentence_initial_description_word_is_not_part_of_a_name() {
    let r =
        relations("Senior Hezbollah figure Walid Haddad said the group would respond to Israel.");
    assert!(has(&r, "Walid Haddad represents Hezbollah"), "{r:?}");
    assert!(!r.iter().any(|x| x.starts_with("Senior")), "{r:?}");
}

#[test]
fn an_organization_described_as_in_a_place_is_located_there() {
    let r = relations("The strike was claimed by the Shabaab movement in Somalia on Wednesday.");
    assert!(has(&r, "Shabaab locatedIn Somalia"), "{r:?}");
}

#[test]
fn a_place_noun_after_a_verb_does_not_locate_the_subject() {
    let r = relations(
        "Anders Holm, who was visiting the town of Narvik, was greeted by Norway's king.",
    );
    assert!(
        !r.iter().any(|x| x.starts_with("Anders Holm locatedIn")),
        "{r:?}"
    );
}

#[test]
fn a_name_introduced_by_according_to_is_not_the_subject_of_the_clause() {
    // the parse makes "Olsen" the subject of "met"; the surface scan alone took the source
    let r = relations(
        "According to Finnish foreign minister Anna Korhonen, Lars Olsen met with Prime Minister Erik Berg in Oslo last week.",
    );
    assert!(!has(&r, "Anna Korhonen meetsWith Erik Berg"), "{r:?}");
    assert!(has(&r, "Lars Olsen meetsWith Erik Berg"), "{r:?}");
}

#[test]
fn the_parse_subject_replaces_a_place_inside_the_subject_phrase() {
    let r = relations(
        "Ethnic Albanians in southern Montenegro are demanding a NATO presence in the region.",
    );
    assert!(
        !has(&r, "Montenegro demands North Atlantic Treaty Organisation"),
        "{r:?}"
    );
}

#[test]
fn followers_of_a_leader_are_not_the_leader() {
    let r = relations(
        "Hundreds of supporters of the jailed former president Pedro Ramos stormed the Congress of Peru on Friday.",
    );
    assert!(
        !r.iter().any(|x| x.starts_with("Pedro Ramos attacks")),
        "{r:?}"
    );
}

#[test]
fn a_place_where_an_action_happens_is_not_its_object() {
    let r = relations("Chile and Peru signed the border treaty in Luxembourg on Monday.");
    assert!(
        !r.iter().any(|x| x.ends_with("agreesWith Luxembourg")),
        "{r:?}"
    );
    let r = relations("President Erik Berg met the ministers in Copenhagen on Monday.");
    assert!(!r.iter().any(|x| x.ends_with("meetsWith Denmark")), "{r:?}");
    assert!(
        !r.iter().any(|x| x.ends_with("meetsWith Copenhagen")),
        "{r:?}"
    );
    // force is aimed at the place: the ontology marks attacks with ng:placeIsObject
    let r = relations("Chadian troops fighting in Sudan destroyed three rebel camps.");
    assert!(has(&r, "Chad attacks Sudan"), "{r:?}");
}

#[test]
fn a_participle_modifying_a_noun_is_passive() {
    let r = relations(
        "The Movement for Unity, backed by the European Union, won the election in Malawi.",
    );
    assert!(
        !has(&r, "Movement for Unity supports European Union"),
        "{r:?}"
    );
    assert!(
        has(&r, "European Union supports Movement for Unity"),
        "{r:?}"
    );
}

#[test]
fn one_list_is_not_both_sides_of_a_relation() {
    let r = relations(
        "The radio network, financed by the governments of Bolivia, Ecuador and Paraguay, started broadcasting in May.",
    );
    assert!(!r.iter().any(|x| x.contains(" aids ")), "{r:?}");
}

#[test]
fn an_event_in_an_adjunct_has_no_agent_from_the_main_clause() {
    let r = relations(
        "Estonia surrendered the island following the bombing of Tallinn by unknown attackers.",
    );
    assert!(!has(&r, "Estonia attacks Tallinn"), "{r:?}");
}

#[test]
fn the_of_phrase_of_an_invasion_is_what_was_invaded() {
    let r = relations("Serbia condemned the bombing of Belgrade by NATO.");
    assert!(!has(&r, "Serbia attacks Serbia"), "{r:?}");
    let r = relations("Russia denounced the invasion of Iraq.");
    assert!(!has(&r, "Russia attacks Iraq"), "{r:?}");
    let r = relations("Serbia condemned the bombing of Belgrade by NATO.");
    assert!(
        has(&r, "Serbia condemns North Atlantic Treaty Organisation"),
        "{r:?}"
    );
}

#[test]
fn an_unnamed_addressee_told_to_act_is_not_skipped_for_a_later_name() {
    let r = relations(
        "Senator Maria Lopez called on the President to demand that Venezuela release the prisoners.",
    );
    assert!(!has(&r, "Maria Lopez demands Venezuela"), "{r:?}");
}

#[test]
fn a_participle_conjoined_to_a_passive_is_passive() {
    let r = relations("Marta Diaz was arrested in March and deported to Peru.");
    assert!(
        !r.iter().any(|x| x.starts_with("Marta Diaz sanctions")),
        "{r:?}"
    );
}

#[test]
fn the_possessor_of_a_place_noun_contains_the_place() {
    let r = relations("Hundreds marched through Chile's capital city of Santiago on Sunday.");
    assert!(has(&r, "Santiago locatedIn Chile"), "{r:?}");
    assert!(!has(&r, "Chile locatedIn Santiago"), "{r:?}");
    let r = relations("Two soldiers died in Peru's northern province of Piura.");
    assert!(has(&r, "Piura partOf Peru"), "{r:?}");
    assert!(!has(&r, "Peru partOf Piura"), "{r:?}");
}

#[test]
fn a_place_noun_before_a_name_without_of_locates_it() {
    let r = relations("The talks opened in the Kenyan capital Nairobi on Monday.");
    assert!(has(&r, "Nairobi locatedIn Kenya"), "{r:?}");
    let r = relations("Turnout was low in Ghana's capital Accra.");
    assert!(has(&r, "Accra locatedIn Ghana"), "{r:?}");
}

#[test]
fn only_organizations_have_members() {
    // "joining" a list of states is a comparison, not a membership
    let r = relations(
        "The vote made Portugal the fourth country to ban the practice, joining Norway and Denmark.",
    );
    assert!(!r.iter().any(|x| x.contains("memberOf")), "{r:?}");
    let r = relations("Croatia joined NATO in 2009.");
    assert!(
        has(&r, "Croatia memberOf North Atlantic Treaty Organization")
            || r.iter()
                .any(|x| x.starts_with("Croatia memberOf North Atlantic")),
        "{r:?}"
    );
}

#[test]
fn a_portfolio_before_a_title_is_no_organization() {
    let r = relations("Mexican Trade and Investment Minister Ana Robles visited Lima on Monday.");
    assert!(has(&r, "Ana Robles represents Mexico"), "{r:?}");
    assert!(
        !r.iter().any(|x| x.ends_with("represents Investment")),
        "{r:?}"
    );
    let r = relations("The plan was welcomed by Defense Secretary Mark Olsen on Friday.");
    assert!(
        !r.iter().any(|x| x.ends_with("represents Defense")),
        "{r:?}"
    );
    // a party before a title it does not qualify by portfolio still is the party
    let r = relations("Likud leader Yossi Adler criticized Egypt.");
    assert!(
        r.iter().any(|x| x.starts_with("Yossi Adler leads Likud")),
        "{r:?}"
    );
}

#[test]
fn a_community_of_states_is_an_international_organization() {
    let ontology = Ontology::embedded().unwrap();
    let extractor = Extractor::new(&ontology, Gazetteer::embedded());
    let a = extractor.analyze("The Andean Community imposed tariffs on Chilean goods.");
    let e = a
        .entities
        .entities
        .iter()
        .find(|e| e.label == "Andean Community")
        .expect("entity");
    assert_eq!(e.class, "InternationalOrganization");
}

#[test]
fn a_verb_trigger_read_as_a_noun_keeps_its_preposition() {
    let r = relations("Amina Diallo spoke to reporters in Dakar following talks with Omar Sall.");
    assert!(
        has(&r, "Amina Diallo meetsWith Omar Sall") || has(&r, "Omar Sall meetsWith Amina Diallo"),
        "{r:?}"
    );
    let r = relations("Senator Ruth Olsen announced a call on Interpol for a full briefing.");
    assert!(
        has(
            &r,
            "Ruth Olsen demands International Criminal Police Organization"
        ),
        "{r:?}"
    );
}

#[test]
fn a_coordinated_predicate_shares_the_first_verbs_subject() {
    let r = relations(
        "Ghana has not commented on the vote, but has instead urged Togo to reopen the border.",
    );
    assert!(has(&r, "Ghana demands Togo"), "{r:?}");
    let r = relations("Chile welcomed the report and condemned Bolivia on Monday.");
    assert!(has(&r, "Chile condemns Bolivia"), "{r:?}");
    // an infinitive's conjunct belongs to the infinitive's subject
    let r = relations("Norway urged the rebels to disarm and recognize Mali as a state.");
    assert!(!has(&r, "Norway recognizes Mali"), "{r:?}");
    // coordinated adverbs are no coordinated predicates
    let r = relations("Kenya said the remarks had deliberately and unfairly targeted Somalia.");
    assert!(!has(&r, "Kenya attacks Somalia"), "{r:?}");
}

#[test]
fn a_description_of_a_person_named_before_is_that_person() {
    let r = relations(
        "UN Secretary-General Lars Brenner arrived in Lima on Sunday. \
         The UN leader spoke to the press after a meeting with Peruvian Prime Minister Ana Ruiz.",
    );
    assert!(
        has(&r, "Lars Brenner meetsWith Ana Ruiz") || has(&r, "Ana Ruiz meetsWith Lars Brenner"),
        "{r:?}"
    );
    assert!(
        !r.iter().any(|x| x.starts_with("United Nations meetsWith")),
        "{r:?}"
    );
    let r = relations(
        "Former Chilean President Carlos Vidal visited Peru on Monday. \
         During the visit, the former president praised Argentina.",
    );
    assert!(has(&r, "Carlos Vidal supports Argentina"), "{r:?}");
}

#[test]
fn the_target_of_an_action_is_its_object() {
    let r = relations("Moldova was the target of Russian cyberattacks in March.");
    assert!(has(&r, "Russia attacks Moldova"), "{r:?}");
    let r = relations("Belarus has been the subject of European Union sanctions since 2006.");
    assert!(has(&r, "European Union sanctions Belarus"), "{r:?}");
    let r = relations("Venezuela faces fresh criticism from Colombia and Peru.");
    assert!(has(&r, "Colombia condemns Venezuela"), "{r:?}");
    assert!(has(&r, "Peru condemns Venezuela"), "{r:?}");
    // no actor named: the patient is no actor of its own action
    let r = relations("Moldova was the target of cyberattacks in March.");
    assert!(!has(&r, "Moldova attacks Moldova"), "{r:?}");
}

#[test]
fn he_inside_a_sentence_prefers_its_subject_over_a_prepositional_object() {
    let r =
        relations("Paul Okafor read the report on Daniel Mensah aloud before he criticized Ghana.");
    assert!(has(&r, "Paul Okafor condemns Ghana"), "{r:?}");
    assert!(!has(&r, "Daniel Mensah condemns Ghana"), "{r:?}");
}

#[test]
fn a_noun_trigger_in_an_oblique_phrase_takes_no_light_verb_subject() {
    let r = relations("Kenya distanced itself from the bombing of Somalia on Friday.");
    assert!(!has(&r, "Kenya attacks Somalia"), "{r:?}");
    let r = relations("Kenya entered into an agreement with Uganda on Friday.");
    assert!(
        has(&r, "Kenya agreesWith Uganda") || has(&r, "Uganda agreesWith Kenya"),
        "{r:?}"
    );
    // a symmetric predicate's partner is not in the infinitive complement
    let r = relations("Kenya agreed to send troops to Somalia.");
    assert!(!has(&r, "Kenya agreesWith Somalia"), "{r:?}");
}

#[test]
fn a_word_capitalized_only_by_a_quote_or_colon_names_nothing() {
    let ontology = Ontology::embedded().unwrap();
    let extractor = Extractor::new(&ontology, Gazetteer::embedded());
    let a = extractor.analyze(
        "Protesters in Lima held signs reading \"Kill the bill\". The minister had this to say: \
         Let the courts decide. \"True reform takes time,\" said Ana Ruiz of Peru.",
    );
    let labels: Vec<&str> = a
        .entities
        .entities
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    for junk in ["Kill", "Let", "True"] {
        assert!(!labels.contains(&junk), "{labels:?}");
    }
    assert!(labels.contains(&"Ana Ruiz"), "{labels:?}");
}

#[test]
fn a_name_internal_apostrophe_keeps_the_name_whole() {
    let r = relations(
        "Irish Foreign Minister Sean O'Hara met Pakistani President Ali D'Souza in Dublin.",
    );
    assert!(has(&r, "Sean O'Hara represents Ireland"), "{r:?}");
    assert!(
        has(&r, "Sean O'Hara meetsWith Ali D'Souza")
            || has(&r, "Ali D'Souza meetsWith Sean O'Hara"),
        "{r:?}"
    );
}

#[test]
fn it_after_a_common_noun_subject_names_no_entity() {
    // "It" is the charter, which names no entity
    let r = relations(
        "Ghana adopted a charter on Monday. The charter was drafted by lawyers. It was praised by Chile.",
    );
    assert!(!has(&r, "Chile supports Ghana"), "{r:?}");
    // an expletive "it" names nothing either
    let r =
        relations("Togo hosted talks on Monday. It is important to support Ghana, officials said.");
    assert!(!has(&r, "Togo supports Ghana"), "{r:?}");
}

#[test]
fn a_passive_conjunct_shares_the_first_clauses_subject() {
    let r = relations("Moldova declared independence in 1991 and was recognized by Romania.");
    assert!(has(&r, "Romania recognizes Moldova"), "{r:?}");
    // the first clause's subject is no entity: the last noun of the first clause is no patient
    let r = relations(
        "The treaty was backed by Chile and Peru, and has been signed by Mexico and Japan.",
    );
    assert!(!r.iter().any(|x| x.ends_with("agreesWith Peru")), "{r:?}");
}

#[test]
fn a_verb_of_giving_makes_the_recipient_of_aid_the_object() {
    let r = relations("Norway gave Malawi 12 million dollars of aid for rural schools.");
    assert!(has(&r, "Norway aids Malawi"), "{r:?}");
    let r = relations("Japan will provide about 70 million dollars of aid for Laos and Cambodia.");
    assert!(has(&r, "Japan aids Laos"), "{r:?}");
    assert!(has(&r, "Japan aids Cambodia"), "{r:?}");
    let r = relations("Sweden has promised to continue military aid to war-torn Somalia.");
    assert!(has(&r, "Sweden aids Somalia"), "{r:?}");
    // receiving is no giving
    let r = relations("Malawi received 12 million dollars of aid from Norway.");
    assert!(!has(&r, "Malawi aids Norway"), "{r:?}");
}

#[test]
fn a_stance_toward_what_an_actor_holds_is_a_stance_toward_the_actor() {
    let r = relations("Canada defended the right of Ukraine to join the alliance.");
    assert!(has(&r, "Canada supports Ukraine"), "{r:?}");
    let r = relations("Chile criticized the policy of Bolivia on Monday.");
    assert!(has(&r, "Chile condemns Bolivia"), "{r:?}");
    // a plain common noun still blocks the object: "meeting the requirements of the UN"
    let r = relations("Kenya praised the weather of Uganda.");
    assert!(!has(&r, "Kenya supports Uganda"), "{r:?}");
}

#[test]
fn a_time_word_before_the_complement_keeps_its_object() {
    let r = relations("Syria threatened Monday to resume attacks in Lebanon.");
    assert!(has(&r, "Syria threatens Lebanon"), "{r:?}");
}

#[test]
fn an_ultimatum_is_a_threat() {
    let r = relations("Peru has issued an ultimatum to Ecuador to halt attacks.");
    assert!(has(&r, "Peru threatens Ecuador"), "{r:?}");
}

#[test]
fn readiness_required_in_reported_speech_is_a_demand() {
    let r = relations("Hosni Mubarak said that the United States must be ready to mediate.");
    assert!(has(&r, "Hosni Mubarak demands United States"), "{r:?}");
}

#[test]
fn a_hostile_act_promised_on_a_condition_is_a_threat() {
    let r = relations("Russia will impose sanctions on Georgia unless it withdraws its troops.");
    assert!(has(&r, "Russia threatens Georgia"), "{r:?}");
    assert!(!has(&r, "Russia sanctions Georgia"), "{r:?}");
    // without a condition it stays a (future) sanction
    let r = relations("Russia will impose sanctions on Georgia next week.");
    assert!(has(&r, "Russia sanctions Georgia"), "{r:?}");
}

#[test]
fn a_role_noun_before_a_name_makes_the_person_the_head() {
    let r = relations(
        "Jimmy Carter has been criticized by many politicians, particularly US presidential candidate Barack Obama.",
    );
    assert!(has(&r, "Barack Obama condemns Jimmy Carter"), "{r:?}");
    assert!(!has(&r, "United States condemns Jimmy Carter"), "{r:?}");
}

#[test]
fn the_aide_of_an_office_holder_represents_the_office_holders_state() {
    let r = relations(
        "Peruvian President Ollanta Humala's spokeswoman, Rosa Quispe, declined to comment on Friday.",
    );
    assert!(has(&r, "Rosa Quispe represents Peru"), "{r:?}");
    assert!(!r.iter().any(|x| x.contains("represents Ollanta")), "{r:?}");
}

#[test]
fn speaking_on_behalf_of_an_office_holder_represents_the_state() {
    let r = relations(
        "The talks will resume, said Jan Novak speaking on behalf of Czech Prime Minister Petr Dvorak.",
    );
    assert!(has(&r, "Jan Novak represents Czechia"), "{r:?}");
    // serving a politician is no office of the state
    let r = relations("Tom Baker served as campaign manager for US Senator Ann Walsh in 1998.");
    assert!(!has(&r, "Tom Baker represents United States"), "{r:?}");
}

#[test]
fn the_city_of_a_name_shared_with_a_province_is_the_city() {
    let r = relations("Heavy rain flooded streets in the city of Sao Paulo, Brazil on Monday.");
    assert!(has(&r, "Sao Paulo locatedIn Brazil"), "{r:?}");
    // "the capital of X": X holds the capital, it is not a city
    let r = relations("Officials met in Bandung, the capital of West Java, Indonesia.");
    assert!(!has(&r, "West Java locatedIn Indonesia"), "{r:?}");
}

#[test]
fn an_abbreviated_month_before_a_name_is_a_first_name() {
    let r = relations("UN envoy Jan Kowalski met with Bosnian officials in Sarajevo.");
    assert!(has(&r, "Jan Kowalski represents United Nations"), "{r:?}");
}

#[test]
fn of_belongs_to_the_nearest_noun_not_to_the_trigger() {
    let r = relations("Carlos Mendez lived in exile in Madrid as a legal resident of France.");
    assert!(
        !r.iter()
            .any(|x| x.ends_with("France") && !x.contains("locatedIn")),
        "{r:?}"
    );
    // two coordinated triggers share the "of" phrase
    let r = relations("Protests followed the Ethiopian invasion and occupation of Somalia.");
    assert!(has(&r, "Ethiopia attacks Somalia"), "{r:?}");
}

#[test]
fn the_head_of_a_part_of_the_state_represents_it_but_does_not_lead_it() {
    let r = relations(
        "Ivan Petrov, chair of the Russian parliament's security committee, told reporters the plan was unrealistic.",
    );
    assert!(!has(&r, "Ivan Petrov leads Russia"), "{r:?}");
    assert!(has(&r, "Ivan Petrov represents Russia"), "{r:?}");
    let r = relations("Ivan Petrov, head of the Russian government, arrived in Paris.");
    assert!(has(&r, "Ivan Petrov leads Russia"), "{r:?}");
    // the chair of a group from the state is no role of the state
    let r =
        relations("Anna Weber, chairwoman of the German group Lifeline, said the law was wrong.");
    assert!(!r.iter().any(|x| x.ends_with("Germany")), "{r:?}");
}

#[test]
fn a_name_particle_joins_the_parts_of_a_persons_name() {
    let r =
        relations("Foreign Minister Khalid bin Rashid of Qatar met Jordanian officials on Sunday.");
    assert!(has(&r, "Khalid bin Rashid represents Qatar"), "{r:?}");
    let r = relations("Belgian Prime Minister Pieter van den Berg criticized the plan.");
    assert!(has(&r, "Pieter van den Berg leads Belgium"), "{r:?}");
}

#[test]
fn a_negated_reporting_verb_does_not_negate_what_is_reported() {
    let r = relations("Brazil did not say it would recognize Kosovo.");
    assert!(!has(&r, "Brazil not recognizes Kosovo"), "{r:?}");
}

#[test]
fn calling_for_an_actors_action_demands_of_the_actor() {
    let r = relations("France called for UN intervention in the conflict.");
    assert!(has(&r, "France demands United Nations"), "{r:?}");
    let r = relations("France called for elections in the spring.");
    assert!(r.iter().all(|x| !x.contains("demands")), "{r:?}");
}

#[test]
fn a_joint_statement_of_coordinated_actors_is_an_agreement_between_them() {
    let r = relations("Brazil and Argentina issued a joint statement on Monday.");
    assert!(
        has(&r, "Brazil agreesWith Argentina") || has(&r, "Argentina agreesWith Brazil"),
        "{r:?}"
    );
    let r = relations("France and Germany jointly proposed a new budget rule.");
    assert!(
        has(&r, "France agreesWith Germany") || has(&r, "Germany agreesWith France"),
        "{r:?}"
    );
}

#[test]
fn calling_for_an_actor_to_act_is_a_demand_as_verb_and_as_noun() {
    let r = relations("Egypt called for Israel to withdraw from Gaza.");
    assert!(has(&r, "Egypt demands Israel"), "{r:?}");
    let r = relations("The UN repeated its call for Burundi to involve the court.");
    assert!(has(&r, "United Nations demands Burundi"), "{r:?}");
}

#[test]
fn an_irregular_participle_after_be_is_passive() {
    let r = relations("Ahmed Khalil was shot during clashes in Jenin last week.");
    assert!(
        !r.iter().any(|x| x.starts_with("Ahmed Khalil attacks")),
        "{r:?}"
    );
}

#[test]
fn the_source_after_according_to_is_no_party() {
    let r = relations(
        "Prosecutors in Hamburg have issued a warrant for his arrest, according to the Associated Press.",
    );
    assert!(!r.iter().any(|x| x.ends_with("Associated Press")), "{r:?}");
    // a title in the source phrase still names a role
    let r = relations("The talks failed, according to UN envoy Karl Haas.");
    assert!(has(&r, "Karl Haas represents United Nations"), "{r:?}");
}

#[test]
fn a_modal_needs_a_verb_after_it() {
    let r = relations(
        "Senator Mark Ruiz said the statement is as near as the Cuban public will ever have to an apology.",
    );
    assert!(!r.iter().any(|x| x.contains("demands")), "{r:?}");
}

#[test]
fn a_qualifier_coordinated_with_a_known_name_stands_for_its_own_name() {
    let r = relations("North and South Korea agreed to resume talks.");
    assert!(
        has(&r, "North Korea agreesWith South Korea")
            || has(&r, "South Korea agreesWith North Korea"),
        "{r:?}"
    );
}

#[test]
fn an_act_promised_or_attempted_through_a_control_verb_is_not_asserted() {
    use newsgraph::graph::Modality;
    let ontology = Ontology::embedded().unwrap();
    let extractor = Extractor::new(&ontology, Gazetteer::embedded());
    for (text, want) in [
        ("Iran vowed to attack Israel.", Modality::Future),
        ("Russia decided to attack Georgia.", Modality::Future),
        (
            "Serbia tried to block Kosovo from the talks.",
            Modality::Hedged,
        ),
        ("Russia attacked Georgia.", Modality::Asserted),
    ] {
        let doc = Document {
            id: "test".into(),
            title: None,
            source: "test".into(),
            url: None,
            date: None,
            text: text.into(),
        };
        let graph = extractor.extract(&doc);
        let conflict: Vec<_> = graph
            .relations()
            .into_iter()
            .filter(|(_, _, e)| matches!(e.predicate.as_str(), "attacks" | "sanctions"))
            .map(|(_, _, e)| e.mentions[0].modality)
            .collect();
        assert_eq!(conflict, vec![want], "{text}");
    }
}

#[test]
fn a_holiday_names_no_actor() {
    let r = relations("The Christmas truce was agreed by Israel.");
    assert!(!r.iter().any(|x| x.contains("Christmas")), "{r:?}");
}

#[test]
fn capitalized_common_words_name_no_person() {
    let r = relations(
        "Maria Lopez, an adviser to the Office of the UN High Commissioner for Human Rights, said she would visit Chile.",
    );
    assert!(
        !r.iter()
            .any(|x| x.contains("Human Rights") || x.contains("High Commissioner")),
        "{r:?}"
    );
}

#[test]
fn an_office_written_in_capitals_is_no_person_and_its_holder_keeps_the_role() {
    let r = relations(
        "A spokesman for the U.S. Trade Representative, Dan Miller, said the talks had failed.",
    );
    assert!(
        !r.iter().any(|x| x.starts_with("Trade Representative")),
        "{r:?}"
    );
}

#[test]
fn a_participle_followed_by_its_object_is_an_active_past_tense() {
    // the tagger reads "killed" as a participle modifying "missiles"
    let r = relations("Turkish aircraft using laser guided bombs killed four Syrian soldiers.");
    assert!(has(&r, "Turkey attacks Syria"), "{r:?}");
}

#[test]
fn what_an_actor_holds_stands_for_it_as_an_object() {
    let r = relations("Ethiopian troops shelled the positions of al-Shabaab near the border.");
    assert!(has(&r, "Ethiopia attacks al-Shabaab"), "{r:?}");
    let r = relations("Syrian warplanes bombed the headquarters of Hezbollah on Friday.");
    assert!(has(&r, "Syria attacks Hezbollah"), "{r:?}");
}

#[test]
fn an_ed_form_between_a_subject_and_an_object_is_a_verb() {
    let r = relations(
        "Israeli helicopters and tanks shelled positions of the Palestinian security forces.",
    );
    assert!(has(&r, "Israel attacks Palestine"), "{r:?}");
}

#[test]
fn a_description_before_a_name_introduces_it_and_refers_to_nothing_earlier() {
    // "the town" is Hebron here, not the Nablus mentioned before
    let r = relations(
        "Talks were held in Nablus. Israeli troops raided homes near the town of Hebron.",
    );
    assert!(!r.iter().any(|x| x.contains("Nablus")), "{r:?}");
}

#[test]
fn a_statement_speaks_for_whoever_issued_it() {
    let r = relations(
        "The Socialist Party of Chile issued a declaration demanding that Peru release the fishermen.",
    );
    assert!(
        r.iter()
            .any(|x| x.starts_with("Socialist Party") && x.ends_with("demands Peru")),
        "{r:?}"
    );
    let r = relations("Kenya said in a statement urging Uganda to reopen the border.");
    assert!(has(&r, "Kenya demands Uganda"), "{r:?}");
}

#[test]
fn staff_of_an_organization_stand_for_it_as_an_object() {
    let r = relations("Sudan expelled monitors of the African Union from Darfur.");
    assert!(has(&r, "Sudan sanctions African Union"), "{r:?}");
}

#[test]
fn forcing_an_actor_out_sanctions_it() {
    let r = relations("Eritrea forced the UNHCR out of the country last year.");
    assert!(
        r.iter()
            .any(|x| x.starts_with("Eritrea sanctions") && x.contains("Refugees")),
        "{r:?}"
    );
}

#[test]
fn the_agent_of_a_participle_acts_in_its_infinitive() {
    let r = relations("Lockheed Martin sold aircraft used by Russia to bomb Ukrainian towns.");
    assert!(
        !r.iter().any(|x| x.starts_with("Lockheed Martin attacks")),
        "{r:?}"
    );
    assert!(has(&r, "Russia attacks Ukraine"), "{r:?}");
}

#[test]
fn titled_persons_in_a_list_share_the_verb() {
    let r = relations(
        "Chilean President Gabriel Boric and Argentine President Alberto Fernandez signed a trade accord.",
    );
    assert!(
        has(&r, "Gabriel Boric agreesWith Alberto Fernandez")
            || has(&r, "Alberto Fernandez agreesWith Gabriel Boric"),
        "{r:?}"
    );
}

#[test]
fn initials_join_the_surname_but_not_an_office() {
    let r = relations("Ghanaian President J.J. Rawlings met Nigerian leader Olusegun Obasanjo.");
    assert!(has(&r, "J.J. Rawlings leads Ghana"), "{r:?}");
    let r = relations("The E.C. President refused to meet Jacques Santer.");
    assert!(!r.iter().any(|x| x.starts_with("E.C. President")), "{r:?}");
}

#[test]
fn a_compound_adjective_names_no_actor() {
    let r = relations("Zambia's Bemba-dominated army killed dozens of Congolese soldiers.");
    assert!(!r.iter().any(|x| x.contains("Bemba-dominated")), "{r:?}");
    assert!(
        has(&r, "Zambia attacks Democratic Republic of the Congo")
            || r.iter().any(|x| x.starts_with("Zambia attacks")),
        "{r:?}"
    );
}

#[test]
fn security_forces_in_a_country_act_for_it() {
    let r = relations("Security forces in Togo have tortured dozens of Ghanaian soldiers.");
    assert!(has(&r, "Togo attacks Ghana"), "{r:?}");
    // an owner before the agents speaks for them
    let r = relations("Chinese police in Kenya arrested two Kenyan journalists.");
    assert!(!r.iter().any(|x| x.starts_with("Kenya ")), "{r:?}");
}

#[test]
fn establishing_ties_and_granting_asylum_are_cooperation() {
    let r = relations("Bhutan has established diplomatic ties with Nepal.");
    assert!(
        has(&r, "Bhutan agreesWith Nepal") || has(&r, "Nepal agreesWith Bhutan"),
        "{r:?}"
    );
    let r = relations("Ecuador granted political asylum to two Colombian army officers.");
    assert!(has(&r, "Ecuador aids Colombia"), "{r:?}");
}

#[test]
fn a_witness_of_an_attack_is_not_its_actor() {
    let r = relations("Sergeant Miller witnessed the killing of Afghan prisoners.");
    assert!(!r.iter().any(|x| x.starts_with("Sergeant Miller")), "{r:?}");
}

#[test]
fn declining_to_comment_rejects_no_one() {
    let r = relations("Canada declined to comment on the situation in Haiti.");
    assert!(!r.iter().any(|x| x.contains("rejects")), "{r:?}");
}

#[test]
fn the_object_search_stops_at_a_new_report() {
    let r = relations(
        "Senator Jim Webb disagreed, saying that millions of Mexicans would be affected.",
    );
    assert!(!r.iter().any(|x| x.contains("opposes")), "{r:?}");
}

#[test]
fn a_verb_opening_another_familys_pattern_is_still_a_light_verb() {
    // "provide" opens "provide aid to", which does not match here
    let r = relations("Norway will provide support to Mali.");
    assert!(has(&r, "Norway supports Mali"), "{r:?}");
    let r = relations("Norway said it would not provide support to Mali.");
    assert!(has(&r, "Norway not supports Mali"), "{r:?}");
}

#[test]
fn pressure_on_an_actor_is_a_demand() {
    let r = relations("Ghana and Senegal have put pressure on Mali to hold elections.");
    assert!(has(&r, "Ghana demands Mali"), "{r:?}");
    assert!(has(&r, "Senegal demands Mali"), "{r:?}");
}

#[test]
fn a_denied_act_is_negated() {
    let r = relations("Nicolas Maduro and Ivan Duque denied having any such meeting.");
    assert!(
        has(&r, "Nicolas Maduro not meetsWith Ivan Duque")
            || has(&r, "Ivan Duque not meetsWith Nicolas Maduro"),
        "{r:?}"
    );
}

#[test]
fn having_the_support_of_an_actor_is_its_support() {
    let r = relations("Evo Morales already has the support of Cuba and Nicaragua.");
    assert!(has(&r, "Cuba supports Evo Morales"), "{r:?}");
    assert!(has(&r, "Nicaragua supports Evo Morales"), "{r:?}");
    assert!(!has(&r, "Evo Morales supports Cuba"), "{r:?}");
}

#[test]
fn a_prepositional_phrase_inside_the_agent_phrase_names_no_agent() {
    let r = relations("Chile enjoys the support of many small nations in OAS votes.");
    assert!(!r.iter().any(|x| x.contains("supports Chile")), "{r:?}");
}

#[test]
fn a_hostile_act_threatened_is_a_threat_to_its_target() {
    let r = relations(
        "Armenia today threatened to launch a new military offensive against Azerbaijan.",
    );
    assert!(has(&r, "Armenia threatens Azerbaijan"), "{r:?}");
    assert!(!has(&r, "Armenia attacks Azerbaijan"), "{r:?}");
}

#[test]
fn countering_an_actor_opposes_it() {
    let r =
        relations("Greece and Cyprus had to act quickly to counter possible Turkish interference.");
    assert!(has(&r, "Greece opposes Turkey"), "{r:?}");
}

#[test]
fn from_after_another_noun_belongs_to_that_noun() {
    let r =
        relations("Peru and Ecuador resumed negotiations today on a troop pullback from Ecuador.");
    assert!(
        has(&r, "Ecuador meetsWith Peru") || has(&r, "Peru meetsWith Ecuador"),
        "{r:?}"
    );
    let r = relations("Further meetings with UN envoys from Chile are being sought.");
    assert!(!r.iter().any(|x| x.starts_with("Chile")), "{r:?}");
    // a visit to a state by a person is still the person's
    let r = relations("India welcomed the visit to Nepal by Sushil Koirala.");
    assert!(
        has(&r, "Sushil Koirala meetsWith Nepal") || has(&r, "Nepal meetsWith Sushil Koirala"),
        "{r:?}"
    );
}

#[test]
fn reaching_a_consensus_is_an_agreement_between_the_parties() {
    let r = relations("Sudan and Egypt reached a consensus to share data on the Nile.");
    assert!(
        has(&r, "Egypt agreesWith Sudan") || has(&r, "Sudan agreesWith Egypt"),
        "{r:?}"
    );
}

#[test]
fn a_symmetric_nouns_topic_is_no_partner() {
    let r = relations("Kenya held talks on Somalia last week.");
    assert!(!r.iter().any(|x| x.contains("Somalia")), "{r:?}");
    // the partner follows "with", also through a capitalized part of it
    let r =
        relations("Evo Morales formed an alliance with the Party of the Democratic Revolution.");
    assert!(
        r.iter()
            .any(|x| x.starts_with("Evo Morales agreesWith") && x.contains("Democratic Revolution"))
            || r.iter().any(|x| x.ends_with("agreesWith Evo Morales")),
        "{r:?}"
    );
}

#[test]
fn discussions_and_phone_conversations_are_meetings() {
    let r = relations("Jacinda Ardern had a phone conversation with Scott Morrison on Monday.");
    assert!(
        has(&r, "Jacinda Ardern meetsWith Scott Morrison")
            || has(&r, "Scott Morrison meetsWith Jacinda Ardern"),
        "{r:?}"
    );
    let r = relations("Jacinda Ardern held discussions on trade in Canberra.");
    assert!(!r.iter().any(|x| x.contains("meetsWith")), "{r:?}");
}

#[test]
fn coordinated_demonyms_before_a_plural_agent_noun_are_both_actors() {
    let r = relations("The Serbian and Croatian sides have agreed to exchange prisoners.");
    assert!(
        has(&r, "Serbia agreesWith Croatia") || has(&r, "Croatia agreesWith Serbia"),
        "{r:?}"
    );
}

#[test]
fn thanks_and_gratitude_are_support() {
    let r = relations("Ashraf Ghani thanked Uzbekistan for its help with the railway.");
    assert!(has(&r, "Ashraf Ghani supports Uzbekistan"), "{r:?}");
    let r = relations("Ashraf Ghani expressed gratitude to Uzbekistan.");
    assert!(has(&r, "Ashraf Ghani supports Uzbekistan"), "{r:?}");
}

#[test]
fn an_actor_after_a_title_in_an_event_phrase_is_its_agent() {
    let r = relations("Ghana dismissed an appeal from President Nana Mensah on Monday.");
    assert!(has(&r, "Ghana rejects Nana Mensah"), "{r:?}");
}

#[test]
fn unnamed_groups_with_a_nationality_or_place_are_actors_only_when_enabled() {
    let text = "Chechen militants attacked Georgia on Sunday.";
    assert!(!relations(text).iter().any(|x| x.contains("militants")));
    let r = relations_with(text, true);
    assert!(has(&r, "Chechen militants attacks Georgia"), "{r:?}");
    // the group does not act for the state its nationality names
    assert!(!r.iter().any(|x| x.starts_with("Russia ")), "{r:?}");
    let r = relations_with(
        "Opposition groups in Zambia condemned President Hakainde Hichilema.",
        true,
    );
    assert!(
        has(
            &r,
            "opposition groups in Zambia condemns Hakainde Hichilema"
        ),
        "{r:?}"
    );
    // any group at all is no actor, and "opposition to X" is a stance
    let r = relations_with(
        "Pressure groups in Zambia condemned Hakainde Hichilema.",
        true,
    );
    assert!(!r.iter().any(|x| x.contains("groups")), "{r:?}");
    let r = relations_with("The Danish opposition to Turkey's membership grew.", true);
    assert!(!r.iter().any(|x| x.contains("Danish opposition")), "{r:?}");
    // only adjectives stand between the anchor and the group
    let r = relations_with("Ghana was attacked in Kumasi by gunmen on Monday.", true);
    assert!(!r.iter().any(|x| x.contains("Kumasi by gunmen")), "{r:?}");
}

#[test]
fn an_organization_name_goes_on_through_of_the_and_for_the() {
    let r =
        relations("Ghana banned the Movement for the Liberation of the Kpando Coast on Monday.");
    assert!(
        has(
            &r,
            "Ghana sanctions Movement for the Liberation of the Kpando Coast"
        ),
        "{r:?}"
    );
    // but not into a known name
    let r = relations("Ghana condemned the Office of the United Nations in Accra.");
    assert!(
        !r.iter().any(|x| x.contains("Office of the United Nations")),
        "{r:?}"
    );
}

#[test]
fn a_request_for_an_act_names_the_actor_asked_to_perform_it() {
    let r = relations("Ghana demanded an immediate explanation by Togo of the border closure.");
    assert!(has(&r, "Ghana demands Togo"), "{r:?}");
    let r = relations("Ghana sought help from Togo to rebuild the bridge.");
    assert!(has(&r, "Ghana demands Togo"), "{r:?}");
    // a stance toward someone's act is no request
    let r = relations("Ghana welcomed an immediate explanation by Togo of the border closure.");
    assert!(!has(&r, "Ghana demands Togo"), "{r:?}");
}

#[test]
fn an_actor_after_a_preposition_and_an_adjective_is_no_subject() {
    // the surface subject search (tags, no parse): "for the former Yugoslavia" is no subject
    let r = relations_at(
        "Anna Berg, envoy for the High Commission for the former Yugoslavia has accused the \
         Catholic Church in Croatia of shielding suspects.",
        false,
        SyntaxLevel::Tags,
    );
    assert!(has(&r, "Anna Berg accuses Catholic Church"), "{r:?}");
    assert!(!has(&r, "Yugoslavia accuses Catholic Church"), "{r:?}");
}

#[test]
fn lawsuits_are_accusations_and_shared_evidence_is_cooperation() {
    let r = relations("Ghana sued Togo over the pollution of the lagoon.");
    assert!(has(&r, "Ghana accuses Togo"), "{r:?}");
    let r = relations("Ghana filed a lawsuit against Togo on Monday.");
    assert!(has(&r, "Ghana accuses Togo"), "{r:?}");
    let r = relations("Ghana has shared evidence with Togo about the smugglers.");
    assert!(
        has(&r, "Ghana agreesWith Togo") || has(&r, "Togo agreesWith Ghana"),
        "{r:?}"
    );
}

#[test]
fn protests_of_crowds_and_purpose_adjuncts_are_disapproval() {
    let r = relations("Thousands of Kenyans staged rallies against Uganda on Monday.");
    assert!(has(&r, "Kenyans condemns Uganda"), "{r:?}");
    let r = relations("Kenyan students held demonstrations against Uganda on Monday.");
    assert!(has(&r, "Kenyans condemns Uganda"), "{r:?}");
    let r = relations("Kenyans began a hunger strike in protest against Uganda's decision.");
    assert!(has(&r, "Kenyans condemns Uganda"), "{r:?}");
    // a hunger strike or a general strike is no use of force
    assert!(!has(&r, "Kenyans attacks Uganda"), "{r:?}");
    let r = relations("Kenyan workers went on a general strike against Uganda's policy.");
    assert!(!has(&r, "Kenyans attacks Uganda"), "{r:?}");
    // "in order to" and "in charge of" are no purpose adjuncts of a trigger
    let r = relations("Kenya cut taxes in order to attract Ugandan investors.");
    assert!(!r.iter().any(|x| x.contains("demands")), "{r:?}");
}

#[test]
fn breaking_or_downgrading_relations_and_closing_borders_are_sanctions() {
    for text in [
        "Kenya cut diplomatic ties with Somalia on Monday.",
        "Kenya broke off diplomatic relations with Somalia in 2021.",
        "Kenya has downgraded relations with Somalia.",
        "Kenya closed the border with Somalia after the attack.",
    ] {
        let r = relations(text);
        assert!(has(&r, "Kenya sanctions Somalia"), "{text}: {r:?}");
    }
}

#[test]
fn seconding_a_proposal_supports_its_author_but_an_ordinal_does_not() {
    let r = relations("Ghana seconded Togo's proposal at the summit.");
    assert!(has(&r, "Ghana supports Togo"), "{r:?}");
    let r = relations("Ghana won a second term on the council, defeating Togo.");
    assert!(!has(&r, "Ghana supports Togo"), "{r:?}");
}

#[test]
fn a_mediator_meets_both_parties() {
    let r = relations("Kenya mediated between Ethiopia and Eritrea in 2018.");
    assert!(has(&r, "Kenya meetsWith Ethiopia"), "{r:?}");
    assert!(has(&r, "Kenya meetsWith Eritrea"), "{r:?}");
}

#[test]
fn a_possessive_back_to_the_subject_names_the_counterpart_after_it() {
    let r = relations("Portugal called on its NATO allies to reject the plan.");
    assert!(
        has(&r, "Portugal demands North Atlantic Treaty Organisation"),
        "{r:?}"
    );
    let r = relations("Chile urged its Peruvian counterpart to accept the ruling.");
    assert!(has(&r, "Chile demands Peru"), "{r:?}");
    // a person named after the noun is the counterpart
    let r = relations("Angela Merkel met with her Polish counterpart Donald Tusk in Warsaw.");
    assert!(has(&r, "Angela Merkel meetsWith Donald Tusk"), "{r:?}");
    // what the subject owns is no counterpart
    let r = relations("Portugal defended its Brazil policy on Monday.");
    assert!(!r.iter().any(|x| x.contains("Brazil")), "{r:?}");
}

#[test]
fn a_requested_meeting_of_a_body_asks_that_body() {
    let r = relations("Ukraine requested an urgent meeting of the UN Security Council.");
    assert!(
        has(&r, "Ukraine demands United Nations Security Council"),
        "{r:?}"
    );
    // the venue of a request asks no one
    let r = relations("Ukraine made the request at a meeting of the Security Council.");
    assert!(!r.iter().any(|x| x.contains("demands")), "{r:?}");
}

#[test]
fn goods_given_to_a_recipient_are_aid_but_goods_owned_are_not() {
    for text in [
        "Norway delivered weapons to Estonia last year.",
        "Norway is sending vaccines to Estonia.",
        "Norway provided intelligence to Estonia.",
    ] {
        let r = relations(text);
        assert!(has(&r, "Norway aids Estonia"), "{text}: {r:?}");
    }
    let r = relations("Norway said Estonia's weapons were outdated.");
    assert!(!r.iter().any(|x| x.contains("aids")), "{r:?}");
}

#[test]
fn a_currency_or_a_modifier_before_the_aid_noun_is_no_recipient() {
    // "US$" names a currency, "COVID-19" modifies the noun: neither receives anything
    let r = relations("The World Bank approved a US$ 750 million loan which will help Georgia.");
    assert!(!r.iter().any(|x| x.contains("United States")), "{r:?}");
    let r = relations("Norway gave Chile 5 million dollars of aid.");
    assert!(has(&r, "Norway aids Chile"), "{r:?}");
    // a place phrase closes the noun phrase: what comes before it is no indirect object
    let r = relations("Norway will offer Chile Debt Clauses in our sovereign loans.");
    assert!(!has(&r, "Norway aids Chile Debt Clauses"), "{r:?}");
    let r = relations("Norway has sent more than 20 million dollars in humanitarian aid to Chile.");
    assert!(has(&r, "Norway aids Chile"), "{r:?}");
}

#[test]
fn claiming_responsibility_for_an_act_makes_the_claimant_its_actor() {
    let r = relations("The Taliban claimed responsibility for the suicide attack on Pakistan.");
    assert!(has(&r, "Taliban attacks Pakistan"), "{r:?}");
    // a denial claims nothing
    let r = relations("The Taliban denied responsibility for the suicide attack on Pakistan.");
    assert!(!has(&r, "Taliban attacks Pakistan"), "{r:?}");
}

#[test]
fn lifted_sanctions_are_negated_but_sanctions_asked_to_be_lifted_still_hold() {
    let r = relations("Norway lifted its sanctions on Belarus in 2016.");
    assert!(has(&r, "Norway not sanctions Belarus"), "{r:?}");
    let r = relations("Norway has eased the embargo against Belarus.");
    assert!(has(&r, "Norway not sanctions Belarus"), "{r:?}");
    let r = relations("Sweden urged Norway to lift its blockade of Belarus.");
    assert!(has(&r, "Norway sanctions Belarus"), "{r:?}");
}

#[test]
fn restrictions_on_an_actor_are_sanctions() {
    let r = relations("Norway imposed new restrictions on Belarus on Monday.");
    assert!(has(&r, "Norway sanctions Belarus"), "{r:?}");
}

#[test]
fn a_place_or_date_before_the_participant_phrase_keeps_the_object() {
    let r = relations("Angela Merkel met in Warsaw with Donald Tusk.");
    assert!(has(&r, "Angela Merkel meetsWith Donald Tusk"), "{r:?}");
    let r =
        relations("Thousands of Kenyans demonstrated in Nairobi against the Ethiopian government.");
    assert!(has(&r, "Kenyans condemns Ethiopia"), "{r:?}");
    let r = relations("Chile protested on Monday against Peru.");
    assert!(has(&r, "Chile condemns Peru"), "{r:?}");
    // the place itself is no object
    let r = relations("Angela Merkel met in Warsaw on Monday.");
    assert!(!r.iter().any(|x| x.contains("meetsWith")), "{r:?}");
}

#[test]
fn a_trigger_noun_modifying_another_noun_names_no_act() {
    // "telephone numbers", "aid workers": the head noun is something else
    let r = relations("Chile published the telephone numbers of the Peruvian embassy.");
    assert!(!r.iter().any(|x| x.contains("meetsWith")), "{r:?}");
    let r = relations("Chile withdrew its aid workers from Peru.");
    assert!(!r.iter().any(|x| x.contains("aids")), "{r:?}");
    // the phrase goes on to the participant: still the act
    let r = relations("Chile has established cooperation schemes with Peru.");
    assert!(has(&r, "Chile agreesWith Peru"), "{r:?}");
    // a time word after the noun is no head noun
    let r = relations("Chile and Peru held talks today.");
    assert!(
        has(&r, "Chile meetsWith Peru") || has(&r, "Peru meetsWith Chile"),
        "{r:?}"
    );
}

#[test]
fn a_noun_need_states_no_obligation() {
    let r = relations(
        "Chile said, \"Peru has no need to draw anyone's attention.\" Michelle Bachelet agreed.",
    );
    assert!(!r.iter().any(|x| x.contains("demands")), "{r:?}");
}

#[test]
fn a_verb_particle_is_no_trigger() {
    // "back" after a verb is its particle, not the verb "to back"
    let r = relations("Chile said it would take back spent uranium from Peru.");
    assert!(!r.iter().any(|x| x.contains("supports")), "{r:?}");
    let r = relations("Chile flew its soldiers back to Peru.");
    assert!(!r.iter().any(|x| x.contains("supports")), "{r:?}");
    let r = relations("Chile backed Peru in the dispute.");
    assert!(has(&r, "Chile supports Peru"), "{r:?}");
}

#[test]
fn a_stance_toward_attacks_on_a_target_is_no_stance_toward_the_target() {
    // the victim of the condemned attacks is not condemned
    let r = relations("Chile condemned further attacks against the Peruvian government.");
    assert!(!has(&r, "Chile condemns Peru"), "{r:?}");
    // a named attacker is
    let r = relations("Chile condemned recent Bolivian attacks on Peru.");
    assert!(has(&r, "Chile condemns Bolivia"), "{r:?}");
    // a threatened attack is aimed at its target
    let r = relations("Chile threatened attacks on Peru.");
    assert!(has(&r, "Chile threatens Peru"), "{r:?}");
}

#[test]
fn who_receives_or_draws_a_stance_undergoes_it() {
    let r = relations("Myanmar drew condemnation from Japan.");
    assert!(has(&r, "Japan condemns Burma"), "{r:?}");
    let r = relations("Kenya received aid from Japan.");
    assert!(has(&r, "Japan aids Kenya"), "{r:?}");
    // the undergoer is not the one who criticizes, and a later noun's "by" is no agent
    let r = relations("China has long received criticism over its treatment of Tibet.");
    assert!(!has(&r, "China condemns Tibet"), "{r:?}");
    let r = relations("Chile has received criticism for not matching an offer by Peru.");
    assert!(!has(&r, "Peru condemns Chile"), "{r:?}");
    // no possessor across a finite verb
    let r = relations("Chile and Peru admitted their involvement and received fines.");
    assert!(!r.iter().any(|x| x.contains("sanctions")), "{r:?}");
}

#[test]
fn fighting_for_an_actor_is_no_attack_on_it() {
    let r = relations("The party promised to fight for Britain's interests in Europe.");
    assert!(!r.iter().any(|x| x.contains("attacks")), "{r:?}");
    let r = relations("Serbia fought Croatia in 1991.");
    assert!(has(&r, "Serbia attacks Croatia"), "{r:?}");
}

#[test]
fn the_object_of_a_control_verb_acts_in_the_infinitive_but_not_in_a_purpose_clause() {
    let r = relations("Germany convinced Iran to support Kosovo.");
    assert!(has(&r, "Iran supports Kosovo"), "{r:?}");
    assert!(!has(&r, "Germany supports Kosovo"), "{r:?}");
    // a purpose clause keeps the main subject
    let r = relations("Iran visited Zimbabwe to sign trade agreements with Namibia.");
    assert!(!has(&r, "Zimbabwe agreesWith Namibia"), "{r:?}");
}

#[test]
fn a_finite_verb_after_the_object_noun_phrase_ends_the_object_search() {
    // the second clause's object is not the first verb's
    let r = relations("Chile supported the legislation and allowed Peru to vote on it.");
    assert!(!has(&r, "Chile supports Peru"), "{r:?}");
    let r = relations("Chile welcomes the consensus that has emerged from the Andean Community.");
    assert!(!r.iter().any(|x| x.contains("supports")), "{r:?}");
    // a participle the tagger may read as a past tense still leads to the object
    let r = relations("Chile continued its tour, meeting with exiled Peruvian leader Alan Garcia.");
    assert!(has(&r, "Chile meetsWith Alan Garcia"), "{r:?}");
}

#[test]
fn an_attack_in_words_is_criticism() {
    let r = relations("Joe Biden attacked Donald Trump for the tweet.");
    assert!(has(&r, "Joe Biden condemns Donald J. Trump"), "{r:?}");
    let r = relations("John McCain attacked Barack Obama's use of earmarks.");
    assert!(has(&r, "John McCain condemns Barack Obama"), "{r:?}");
    // force stays force: a time span is no reason, a person's convoy no view
    let r = relations("Israel attacked Lebanon for the first time in years.");
    assert!(has(&r, "Israel attacks Lebanon"), "{r:?}");
    let r = relations("Israel attacked Lebanon over the weekend.");
    assert!(has(&r, "Israel attacks Lebanon"), "{r:?}");
    let r = relations("The islands have been occupied by Britain for almost two centuries.");
    assert!(!r.iter().any(|x| x.contains("condemns")), "{r:?}");
}

#[test]
fn a_phrasal_verb_is_not_its_head_verb() {
    // "ruled out" is no rule, "struck down" no strike
    let r = relations("John Howard ruled out further changes to Australia's tax system.");
    assert!(!has(&r, "John Howard leads Australia"), "{r:?}");
    let r = relations("The Supreme Court of Chile struck down the Peruvian law.");
    assert!(!r.iter().any(|x| x.contains("attacks")), "{r:?}");
    // "backed up" still supports
    let r = relations("Serbia is backed up in this by Russia.");
    assert!(has(&r, "Russia supports Serbia"), "{r:?}");
}

#[test]
fn a_known_leaders_name_followed_by_another_name_word_is_someone_else() {
    // the gazetteer's "Mohammed Ali" (a short form of a head of state's name) begins a longer,
    // unknown name here
    let r = relations("Ghana's Trade Minister, Mohammed Ali Mensah, visited Togo.");
    assert!(has(&r, "Mohammed Ali Mensah represents Ghana"), "{r:?}");
    assert!(!r.iter().any(|x| x.contains("Irfaan")), "{r:?}");
    // the rest of the known person's own full name still names that person
    let r = relations("President Gustavo Petro Urrego of Colombia spoke first.");
    assert!(
        has(&r, "Gustavo Francisco Petro Urrego leads Colombia"),
        "{r:?}"
    );
}

#[test]
fn a_place_name_before_city_names_the_city_and_its_mayor_acts_for_it() {
    let r = relations("Davao City Mayor Juan Santos resigned on Monday.");
    assert!(has(&r, "Juan Santos represents Davao City"), "{r:?}");
    // a capital's mayor acts for the city, not for the state
    let r = relations("Berlin Mayor Anna Weber criticized the new law.");
    assert!(has(&r, "Anna Weber represents Berlin"), "{r:?}");
    assert!(!has(&r, "Anna Weber represents Germany"), "{r:?}");
}

#[test]
fn a_liberation_or_republican_army_is_no_body_of_its_state() {
    let r = relations("The Kosovo Liberation Army attacked a police station near the border.");
    assert!(!r.iter().any(|x| x.contains("partOf")), "{r:?}");
    let r = relations("The Pakistan Army attacked the Taliban in Waziristan.");
    assert!(has(&r, "Pakistan Army partOf Pakistan"), "{r:?}");
}

#[test]
fn a_place_before_a_spaced_hyphen_is_a_compound_adjective() {
    // "London -based" (the text of a link set apart from its suffix) is "London-based"
    let r =
        relations("Maria Costa, a London -based member of the Communist Party of Greece, spoke.");
    assert!(!r.iter().any(|x| x.contains("United Kingdom")), "{r:?}");
    assert!(
        has(&r, "Maria Costa represents Communist Party of Greece"),
        "{r:?}"
    );
}

#[test]
fn a_party_acronym_shared_by_several_states_needs_the_state_in_the_document() {
    // several states' parties are "NDP": with none of those states named, it is no known party
    let r = relations("NDP leader Jane Smith criticized the budget in Ottawa.");
    assert!(has(&r, "Jane Smith leads NDP"), "{r:?}");
    // with the state named, the acronym is that state's party
    let r = relations("In Mongolia, MPP leader Bat Erdene criticized the budget.");
    assert!(
        has(&r, "Bat Erdene leads Mongolian People's Party"),
        "{r:?}"
    );
}

#[test]
fn a_name_before_a_title_after_a_comma_is_an_apposition_not_a_group_for_they() {
    let r = relations(
        "A question from Sir John Smith, the Liberal Democrat spokesman, showed the rate at which they were dropping bombs on Iraq.",
    );
    assert!(!r.iter().any(|x| x.contains("attacks")), "{r:?}");
}

#[test]
fn an_infinitive_trigger_of_its_own_keeps_its_object_from_the_main_verb() {
    let r = relations("Canada refused to contribute troops to the invasion of Iraq.");
    assert!(!has(&r, "Canada rejects Iraq"), "{r:?}");
    // refusing to meet someone rejects them
    let r = relations("Norway refused to meet Sweden's delegation in Oslo.");
    assert!(has(&r, "Norway rejects Sweden"), "{r:?}");
}

#[test]
fn a_speaker_shares_the_stance_of_the_state_but_not_its_acts() {
    let r = relations(
        "Israeli Ambassador Dan Levi said Israel is engaged in peace talks with the Palestinian Authority.",
    );
    assert!(has(&r, "Israel meetsWith Palestinian Authority"), "{r:?}");
    assert!(
        !has(&r, "Dan Levi meetsWith Palestinian Authority"),
        "{r:?}"
    );
}

#[test]
fn a_participle_between_a_number_and_a_noun_is_an_adjective() {
    let r = relations("The deal gave Livni 48 supporting members of the Knesset.");
    assert!(!r.iter().any(|x| x.contains("supports")), "{r:?}");
    // a demonstrative heads its own phrase: "those urging X to"
    let r = relations("Canada is joining those urging Israel to accept the ceasefire.");
    assert!(has(&r, "Canada demands Israel"), "{r:?}");
}

#[test]
fn a_past_or_first_person_obligation_is_no_demand() {
    let r = relations("Jane Doe said Greece had to speed up its reforms.");
    assert!(!has(&r, "Jane Doe demands Greece"), "{r:?}");
    let r = relations("Jane Doe said Greece must speed up its reforms.");
    assert!(has(&r, "Jane Doe demands Greece"), "{r:?}");
}

#[test]
fn a_person_after_a_portfolio_title_heads_the_subject_phrase() {
    let r = relations(
        "The UK Development Minister, Jane Doe, announced the move after talks with Ethiopian Prime Minister Meles Zenawi.",
    );
    assert!(has(&r, "Jane Doe meetsWith Meles Zenawi"), "{r:?}");
}

#[test]
fn a_single_unknown_name_opening_a_sentence_is_typed_by_the_statistical_tagger() {
    // no other mention in the document makes "Hamas" a name: the tagger does
    let r = relations("Hamas protested against Israel on Monday.");
    assert!(has(&r, "Hamas condemns Israel"), "{r:?}");
}

#[test]
fn a_stance_toward_an_act_of_force_is_toward_its_actor_not_its_target() {
    // the act's target is never the stance's object
    let r = relations("Germany supports sanctions against Iran.");
    assert!(!has(&r, "Germany supports Iran"), "{r:?}");
    let r = relations("Nicaragua condemns the criminal blockade against the Republic of Cuba.");
    assert!(!has(&r, "Nicaragua condemns Cuba"), "{r:?}");
    let r = relations("Iran expressed support for an oil embargo of Israel.");
    assert!(!has(&r, "Iran supports Israel"), "{r:?}");
    // a named actor of the act is the object
    let r = relations("Kuwait strongly condemns the Israeli airstrikes against Lebanon.");
    assert!(has(&r, "Kuwait condemns Israel"), "{r:?}");
    assert!(!has(&r, "Kuwait condemns Lebanon"), "{r:?}");
}

#[test]
fn a_function_word_opening_the_sentence_is_no_part_of_the_name_after_it() {
    let r = relations("Since the European Union condemned Serbia, talks have stalled.");
    assert!(has(&r, "European Union condemns Serbia"), "{r:?}");
    let r = relations("However the High Court of Kenya rejected the appeal by Uganda.");
    assert!(!r.iter().any(|x| x.contains("However")), "{r:?}");
}

#[test]
fn a_framework_or_circumstance_after_the_object_noun_names_no_party() {
    let r = relations("India is committed to fighting climate change under the Paris Agreement.");
    assert!(!r.iter().any(|x| x.contains("attacks")), "{r:?}");
}

#[test]
fn a_pronoun_in_a_relative_clause_on_an_unnamed_noun_refers_to_that_noun() {
    let r = relations(
        "On behalf of the Government of Peru, I thank all the countries that have lent their assistance to Peru.",
    );
    assert!(!r.iter().any(|x| x.contains("aids")), "{r:?}");
}

#[test]
fn recalling_an_ambassador_or_expelling_one_is_a_sanction_on_the_state() {
    let r = relations("Peru recalled its ambassador from Venezuela on Monday.");
    assert!(has(&r, "Peru sanctions Venezuela"), "{r:?}");
    // an ambassador stands for the state that sent him
    let r = relations("Brazil expelled the Paraguayan ambassador.");
    assert!(has(&r, "Brazil sanctions Paraguay"), "{r:?}");
}

#[test]
fn seeking_asylum_in_a_state_and_pushing_for_a_state_to_act_are_requests() {
    let r = relations("Thousands of Iraqi Kurds sought refuge in Germany last month.");
    assert!(has(&r, "Kurds demands Germany"), "{r:?}");
    // the state pushed for acts in the infinitive
    let r = relations("Britain is pushing for Japan to support the plan of France.");
    assert!(has(&r, "United Kingdom demands Japan"), "{r:?}");
    assert!(!has(&r, "United Kingdom supports France"), "{r:?}");
}

#[test]
fn a_coordinated_base_verb_after_the_object_noun_opens_its_own_predicate() {
    let r = relations("Egypt urged Hamas to reject violence and recognize Israel.");
    assert!(!has(&r, "Hamas rejects Israel"), "{r:?}");
    // a party noun the tagger may read as a verb is none
    let r = relations("Rice said the United States stands with our friend and ally Egypt.");
    assert!(has(&r, "United States supports Egypt"), "{r:?}");
}

#[test]
fn i_and_we_in_a_quotation_are_its_speaker() {
    let r = relations("\"I strongly reject the new US sanctions,\" said Ana Lopez.");
    assert!(has(&r, "Ana Lopez rejects United States"), "{r:?}");
    let r = relations("Ana Lopez, the foreign minister of Peru, said: \"We condemn Chile.\"");
    assert!(has(&r, "Ana Lopez condemns Chile"), "{r:?}");
    // outside a quotation "we" names no one
    let r = relations("Peru said on Monday that we condemn Chile.");
    assert!(!has(&r, "Peru condemns Chile"), "{r:?}");
}

#[test]
fn a_for_phrase_after_the_object_noun_gives_the_reason_not_the_object() {
    let r = relations("Graham said he applauds the president for getting the Kurds to fight.");
    assert!(!r.iter().any(|x| x.contains("supports Kurds")), "{r:?}");
}

#[test]
fn an_infinitive_after_the_object_noun_is_a_purpose_clause() {
    let r = relations("Talabani pledged to work with all ethnic factions to rebuild Iraq.");
    assert!(!r.iter().any(|x| x.contains("Iraq")), "{r:?}");
    let r = relations("New Zealand strongly supports efforts to hold Russia to account.");
    assert!(!has(&r, "New Zealand supports Russia"), "{r:?}");
}

#[test]
fn a_verb_trigger_read_as_a_noun_is_an_act_only_when_the_ontology_lists_the_noun() {
    // "an order with X", "a lead over X", "in order to": no demand, no leadership
    let r = relations("Qatar Airways placed an order with Boeing for ten planes.");
    assert!(!r.iter().any(|x| x.contains("demands")), "{r:?}");
    let r = relations("John McCain had a lead over Barack Obama after the convention.");
    assert!(!r.iter().any(|x| x.contains("leads")), "{r:?}");
    // nouns the ontology lists still are acts ("embargoes" is a plural of "embargo")
    let r = relations("Mexico condemned the embargoes imposed on Cuba by the United States.");
    assert!(has(&r, "United States sanctions Cuba"), "{r:?}");
    let r = relations("Iraqi forces are working hard in their battle against Hamas.");
    assert!(has(&r, "Iraq attacks Hamas"), "{r:?}");
}

#[test]
fn an_adverb_between_the_be_form_and_the_participle_keeps_the_passive() {
    let r = relations("Ana Lopez of Peru was heavily criticised by Chile.");
    assert!(has(&r, "Chile condemns Ana Lopez"), "{r:?}");
    assert!(!has(&r, "Ana Lopez condemns Chile"), "{r:?}");
    let r = relations("Polish officers were brutally murdered by the Soviet Union.");
    assert!(!r.iter().any(|x| x.starts_with("Poland attacks")), "{r:?}");
}

#[test]
fn a_warning_about_something_names_a_danger_not_the_one_warned() {
    let r = relations("John McCain warned about Fannie Mae and Freddie Mac.");
    assert!(!r.iter().any(|x| x.contains("threatens")), "{r:?}");
    let r = relations("Iran warned Israel against any attack.");
    assert!(has(&r, "Iran threatens Israel"), "{r:?}");
}

#[test]
fn terrorism_named_in_speech_is_a_topic_not_an_evaluation() {
    let r = relations(
        "Rice said Japan and Chile must deepen their cooperation in the global fight against terrorism.",
    );
    assert!(!r.iter().any(|x| x.contains("condemns")), "{r:?}");
}

#[test]
fn an_unknown_town_before_a_comma_and_its_state_is_located_in_it() {
    let r = relations("Protesters gathered in Waco, Texas on Wednesday.");
    assert!(has(&r, "Waco locatedIn Texas"), "{r:?}");
    let r = relations("She died at her home in Abbotsford, British Columbia.");
    assert!(has(&r, "Abbotsford locatedIn British Columbia"), "{r:?}");
    // an apposition with the state's possessive, and a list of states, are no towns
    let r = relations("The plan was criticized by Shaul Mofaz, Israel's defense minister.");
    assert!(!r.iter().any(|x| x.contains("locatedIn")), "{r:?}");
    let r = relations("They condemned the invasions of Manchuria, Austria, and Ethiopia.");
    assert!(!r.iter().any(|x| x.contains("locatedIn")), "{r:?}");
}

#[test]
fn a_city_other_than_a_capital_does_not_stand_for_its_state() {
    // a newspaper named after a city is neither the city nor its state
    let r = relations("Sharda had been endorsed by the Toronto Star newspaper.");
    assert!(!r.iter().any(|x| x.contains("Canada")), "{r:?}");
    // a city's police officer is not his state's agent
    let r = relations("Karachi police officer Manzur Mughal condemned the attack by the Taliban.");
    assert!(!r.iter().any(|x| x.contains("Pakistan")), "{r:?}");
}

#[test]
fn a_one_word_name_is_the_person_with_that_longer_name() {
    // the family name first ("Lien"), or a first name the article goes on with ("Rahul")
    let r = relations(
        "Former premier Lien Chan arrived in Beijing on Tuesday. Lien criticized Japan for its \
         textbooks.",
    );
    assert!(has(&r, "Lien Chan condemns Japan"), "{r:?}");
    // an abbreviated title before a name makes no organization of it
    let r = relations("Police Capt. Rashid al-Samaraie said the militants attacked Baghdad.");
    assert!(!r.iter().any(|x| x.starts_with("Capt ")), "{r:?}");
}

#[test]
fn running_for_an_office_or_against_a_rival_is_no_leadership() {
    let r = relations(
        "In 2010 Tom Tancredo ran for Governor of Colorado as a Constitution Party nominee.",
    );
    assert!(!r.iter().any(|x| x.contains(" leads ")), "{r:?}");
    let r = relations("Al Franken is running against Norm Coleman in the November elections.");
    assert!(!r.iter().any(|x| x.contains(" leads ")), "{r:?}");
    // running an organization is leading it
    let r = relations("Senator Chuck Schumer runs the Democratic Senatorial Campaign Committee.");
    assert!(
        has(
            &r,
            "Chuck Schumer leads Democratic Senatorial Campaign Committee"
        ),
        "{r:?}"
    );
}

#[test]
fn an_organization_head_before_a_state_name_is_the_organization() {
    let r = relations("Air India's head Raghu Menon expressed concern about the alliance.");
    assert!(has(&r, "Raghu Menon leads Air India"), "{r:?}");
    assert!(!r.iter().any(|x| x.ends_with("leads India")), "{r:?}");
}

#[test]
fn a_one_word_organization_head_keeps_the_state_after_of_in_its_name() {
    let r = relations("Erkki Liikanen, governor at the Bank of Finland, commented on the figures.");
    assert!(
        has(&r, "Erkki Liikanen represents Bank of Finland"),
        "{r:?}"
    );
    assert!(
        !r.iter()
            .any(|x| x.ends_with(" Finland") && !x.ends_with("of Finland")),
        "{r:?}"
    );
}

#[test]
fn a_legislature_named_with_of_is_one_body() {
    let r =
        relations("House of Representatives minority leader John Boehner criticized the budget.");
    assert!(
        has(&r, "John Boehner leads House of Representatives"),
        "{r:?}"
    );
    let r = relations("The Australian House of Representatives passed the bill.");
    assert!(
        has(&r, "Australian House of Representatives partOf Australia"),
        "{r:?}"
    );
}

#[test]
fn the_head_word_of_a_body_named_with_of_refers_back_to_it() {
    let r = relations(
        "The U.S. House of Representatives met on Monday. The House issued a deposition request \
         for Kurt Volker.",
    );
    assert!(
        has(&r, "U.S. House of Representatives demands Kurt Volker"),
        "{r:?}"
    );
}

#[test]
fn a_plural_title_gives_each_coordinated_person_the_office() {
    let r = relations(
        "On Sunday Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin signed the \
         agreement.",
    );
    assert!(has(&r, "Muhammadu Buhari leads Nigeria"), "{r:?}");
    assert!(has(&r, "Patrice Talon leads Benin"), "{r:?}");
    let r = relations("U.S. Senators John McCain and Edward Kennedy have proposed a bill.");
    assert!(has(&r, "John McCain represents United States"), "{r:?}");
    assert!(has(&r, "Edward Kennedy represents United States"), "{r:?}");
    // a plural title word inside a name is none
    let r = relations("The choice of Kings Domain made conflict inevitable.");
    assert!(!r.iter().any(|x| x.contains("Domain leads")), "{r:?}");
}

#[test]
fn a_lower_case_title_before_a_capitalized_one_keeps_its_own_object() {
    let r = relations(
        "At the summit, AU chairperson President Abdel Fattah el-Sisi of Egypt said the deal was \
         historic.",
    );
    assert!(has(&r, "Abdel Fattah El-Sisi leads African Union"), "{r:?}");
    assert!(has(&r, "Abdel Fattah El-Sisi leads Egypt"), "{r:?}");
    // a title's modifier is no title of its own: "Deputy leader"
    let r = relations("Flo Clucas, the Deputy leader of Liverpool City Council, spoke.");
    assert!(
        has(&r, "Flo Clucas represents Liverpool City Council"),
        "{r:?}"
    );
    // the aide of an office holder is not the office holder
    let r = relations(
        "A spokesman for Palestinian President Mahmoud Abbas said it was an internal affair.",
    );
    assert!(has(&r, "Mahmoud Abbas leads Palestine"), "{r:?}");
    assert!(!has(&r, "Mahmoud Abbas represents Palestine"), "{r:?}");
}

#[test]
fn a_vice_president_represents_rather_than_leads() {
    let r = relations(
        "Venezuela's Vice President José Vicente Rangel accused Robertson of making threats.",
    );
    assert!(has(&r, "José Vicente Rangel represents Venezuela"), "{r:?}");
    assert!(!has(&r, "José Vicente Rangel leads Venezuela"), "{r:?}");
}

#[test]
fn a_plural_party_head_after_the_is_the_party() {
    let r = relations("However, the Greens applauded the plan of the Labor Party.");
    assert!(has(&r, "Greens supports Labor Party"), "{r:?}");
    let r = relations("Australian Greens leader Senator Bob Brown labelled the call a sham.");
    assert!(has(&r, "Bob Brown leads Australian Greens"), "{r:?}");
    assert!(!has(&r, "Bob Brown leads Australia"), "{r:?}");
}

#[test]
fn an_object_relative_clause_relates_its_subject_to_the_antecedent() {
    let r = relations("Kosovo, which Serbia does not recognize, declared independence.");
    assert!(has(&r, "Serbia not recognizes Kosovo"), "{r:?}");
    // the head noun of a kind of organization after the name
    let r =
        relations("The SDF is made up of YPG militia which support the Kurdistan Workers' Party.");
    assert!(has(&r, "YPG supports Kurdistan Workers' Party"), "{r:?}");
}

#[test]
fn a_parenthesis_or_a_relative_clause_before_the_verb_keeps_the_subject() {
    let r = relations("The Syrian Democratic Forces (SDF) condemned the United States.");
    assert!(
        has(&r, "Syrian Democratic Forces condemns United States"),
        "{r:?}"
    );
    let r = relations(
        "Brett McGurk, who was an envoy to the coalition until December, also criticized the \
         decision by Trump.",
    );
    assert!(has(&r, "Brett McGurk condemns Trump"), "{r:?}");
}

#[test]
fn a_participle_after_a_name_with_by_is_passive() {
    let r = relations("Hamas, led by Ismail Haniyeh, rejected the plan.");
    assert!(has(&r, "Ismail Haniyeh leads Hamas"), "{r:?}");
    // only a person leads: the party coordinated with the leader does not
    let r = relations(
        "The administration would be led by the two main parties, the Democratic Unionist Party \
         led by Ian Paisley and the Alliance Party, led by David Ford.",
    );
    assert!(
        has(&r, "Ian Paisley leads Democratic Unionist Party"),
        "{r:?}"
    );
    assert!(
        !has(&r, "Alliance Party leads Democratic Unionist Party"),
        "{r:?}"
    );
}

#[test]
fn leading_a_rival_in_the_polls_is_no_leadership() {
    let r = relations("In the poll average, Joe Biden led Donald Trump 50 percent to 40 percent.");
    assert!(!r.iter().any(|x| x.contains(" leads ")), "{r:?}");
}

#[test]
fn an_event_long_before_by_an_actor_no_longer_mentioned_is_no_antecedent() {
    let r = relations(
        "The statement blamed the threat from the PKK. Analysts spoke on Monday. The army \
         prepared on Tuesday. Markets fell on Wednesday. Officials met on Thursday. Reporters \
         waited on Friday. Nikki Haley wrote on Twitter. Brett McGurk criticized the decision.",
    );
    assert!(
        !has(&r, "Brett McGurk condemns Kurdistan Workers' Party"),
        "{r:?}"
    );
    assert!(
        !r.iter().any(|x| x.starts_with("Brett McGurk condemns")),
        "{r:?}"
    );
}

#[test]
fn a_pronoun_or_a_titled_name_fills_a_pattern_slot() {
    let r = relations(
        "President Thabo Mbeki spoke on Monday. Morgan Tsvangirai has often criticized Mbeki, and \
         has repeatedly called for him to step down.",
    );
    assert!(has(&r, "Morgan Tsvangirai demands Thabo Mbeki"), "{r:?}");
    let r = relations(
        "\"We encourage President Robert Mugabe to honour the deal,\" the African Union said in \
         a statement.",
    );
    assert!(has(&r, "African Union demands Robert Mugabe"), "{r:?}");
}

#[test]
fn a_light_verb_reaches_a_noun_trigger_past_its_modifiers() {
    let r = relations(
        "Morgan Tsvangirai will not participate in power sharing negotiations with President \
         Robert Mugabe.",
    );
    assert!(
        has(&r, "Morgan Tsvangirai not meetsWith Robert Mugabe"),
        "{r:?}"
    );
}

#[test]
fn a_predicate_after_an_adjunct_and_and_keeps_the_first_subject_and_its_own_polarity() {
    let r = relations(
        "Kofi Annan criticized Israel for failing to lift the blockade and praised Lebanon.",
    );
    assert!(has(&r, "Kofi Annan supports Lebanon"), "{r:?}");
    assert!(!has(&r, "Kofi Annan not supports Lebanon"), "{r:?}");
    // an object-control infinitive is another frame: no subject guessed
    let r = relations("Kofi Annan urged Israel to lift the blockade and praised Lebanon.");
    assert!(!has(&r, "Israel supports Lebanon"), "{r:?}");
}

#[test]
fn the_subject_of_a_request_nouns_that_clause_is_asked_to_act() {
    let r = relations(
        "The International Labour Organization repeated its demand today that Egypt lift restrictions on Sudanese workers.",
    );
    assert!(
        has(&r, "International Labour Organization demands Egypt"),
        "{r:?}"
    );
    assert!(!r.iter().any(|x| x.ends_with("demands Sudan")), "{r:?}");
    // a past verb makes it a relative clause: who signed the appeal made it
    let r =
        relations("The Vatican appeal that Jordan signed with Morocco in Rabat was reaffirmed.");
    assert!(!r.iter().any(|x| x.contains("demands")), "{r:?}");
}

#[test]
fn a_phrase_after_a_request_nouns_infinitive_belongs_to_the_infinitive() {
    let r = relations(
        "Britain and France repeated their calls for Syria to completely withdraw from Lebanon.",
    );
    assert!(has(&r, "France demands Syria"), "{r:?}");
    assert!(!has(&r, "Lebanon demands Syria"), "{r:?}");
    // a threat's infinitive still names its target
    let r = relations("Analysts noted threats by China to interfere with the economy of Japan.");
    assert!(has(&r, "China threatens Japan"), "{r:?}");
}

#[test]
fn a_denied_renunciation_keeps_the_stance() {
    let r = relations("Qatar will not give up its demand that Iran return the islands.");
    assert!(has(&r, "Qatar demands Iran"), "{r:?}");
    let r = relations("Qatar will not demand that Iran return the islands.");
    assert!(!has(&r, "Qatar demands Iran"), "{r:?}");
}

#[test]
fn a_conditional_threat_is_aimed_at_whoever_must_meet_the_condition() {
    let r = relations("Peru threatened to close the border unless Bolivia arrested the smugglers.");
    assert!(has(&r, "Peru threatens Bolivia"), "{r:?}");
    let r = relations(
        "Turkey warned that it would close the border if Syria did not hand over the militants.",
    );
    assert!(has(&r, "Turkey threatens Syria"), "{r:?}");
}

#[test]
fn a_pronoun_before_a_verb_opens_a_clause_and_is_no_object() {
    // "it" is the clause's subject (the speaker itself), not an earlier country
    let r = relations(
        "Ukraine signed the treaty on Monday. Sudan denied that it supports the rebels in Chad.",
    );
    assert!(!has(&r, "Sudan rejects Ukraine"), "{r:?}");
}

#[test]
fn a_country_after_a_citys_comma_locates_it_and_lists_nothing() {
    // the state after the city is no subject of its own
    let r = relations(
        "On the same day in Toronto, Canada, 1,000 people gathered in the business district to protest Israeli actions.",
    );
    assert!(!has(&r, "Canada condemns Israel"), "{r:?}");
    let r = relations(
        "Dr. Raymond Gibbons, a professor at the Mayo Clinic in Rochester, Minnesota, criticizes the U.S. health care system.",
    );
    assert!(has(&r, "Raymond Gibbons condemns United States"), "{r:?}");
    assert!(!has(&r, "Minnesota condemns United States"), "{r:?}");
    // a list of places stays a list
    let r = relations("Armenia fired at Ganja, Barda, Tovuz and other towns.");
    assert!(has(&r, "Armenia attacks Barda"), "{r:?}");
    // past the city's country, a participant phrase is the object
    let r = relations("Carter is scheduled to meet in Damascus, Syria with Khaled Mashal.");
    assert!(
        has(&r, "Jimmy Carter meetsWith Khaled Mashal")
            || has(&r, "Carter meetsWith Khaled Mashal"),
        "{r:?}"
    );
}

#[test]
fn a_subject_pronoun_resolved_to_one_of_its_own_objects_is_dropped() {
    let r = relations(
        "The European Union met on Monday. The statement said any delay has costs, and it called for the United States and the European Union to make changes.",
    );
    assert!(!has(&r, "European Union demands United States"), "{r:?}");
}

#[test]
fn a_hyphenated_plural_title_is_a_title() {
    let r = relations(
        "Former UN Secretaries-General Kofi Annan and Boutros Boutros-Ghali criticized the government of Zimbabwe.",
    );
    assert!(has(&r, "Kofi Annan condemns Zimbabwe"), "{r:?}");
    assert!(has(&r, "Kofi Annan leads United Nations"), "{r:?}");
}

#[test]
fn a_possessive_before_a_counterpart_noun_names_others_than_the_possessor() {
    let r = relations(
        "Foreign Secretary Jack Straw said the case was thin. The memo said Hezbollah was not threatening his neighbours.",
    );
    assert!(
        !r.iter().any(|x| x.contains("threatens Jack Straw")),
        "{r:?}"
    );
    // the name after the noun is the object
    let r =
        relations("Chad signed the accord. Sudan later invaded its sovereign neighbour Eritrea.");
    assert!(has(&r, "Sudan attacks Eritrea"), "{r:?}");
    assert!(!has(&r, "Sudan attacks Chad"), "{r:?}");
}

#[test]
fn a_title_over_a_part_named_by_an_organization_represents_it() {
    // the head of a part speaks for the organization without leading it
    let r = relations(
        "Jean-Marie Guehenno, head of UN peacekeeping operations, welcomed the resolution.",
    );
    assert!(
        has(&r, "Jean-Marie Guehenno represents United Nations"),
        "{r:?}"
    );
    assert!(
        !has(&r, "Jean-Marie Guehenno leads United Nations"),
        "{r:?}"
    );
    // a possessed name before a common noun is no office at all
    let r = relations("Michael Scheuer, former head of the CIA's Bin Laden unit, spoke on Monday.");
    assert!(
        !r.iter().any(|x| x.contains("Michael Scheuer leads")),
        "{r:?}"
    );
    // a member noun: the leader of one member state
    let r = relations("Blair and the seven other leaders of the G8 nations met in Scotland.");
    assert!(!r.iter().any(|x| x.ends_with("leads G8")), "{r:?}");
}

#[test]
fn a_range_of_places_after_a_noun_trigger_names_no_party() {
    let r = relations(
        "Across the planet, protests are being held in locations from Helsinki to Seoul.",
    );
    assert!(!has(&r, "Finland condemns South Korea"), "{r:?}");
}

#[test]
fn they_after_an_organizations_acting_members_is_the_organization() {
    let r = relations(
        "The statement was released by member states of the G8. The opposition party Movement for Democratic Change welcomed it. \"We strongly urge Zimbabwe to hold new elections,\" they said.",
    );
    assert!(has(&r, "G8 demands Zimbabwe"), "{r:?}");
    assert!(
        !has(&r, "Movement for Democratic Change demands Zimbabwe"),
        "{r:?}"
    );
}

#[test]
fn a_stance_toward_a_fact_is_a_stance_toward_its_subject() {
    let r = relations("Britain welcomed the fact that Iran had agreed to talks.");
    assert!(has(&r, "United Kingdom supports Iran"), "{r:?}");
    let r = relations("Canada deplored the fact that Zimbabwe pressed ahead with the election.");
    assert!(has(&r, "Canada condemns Zimbabwe"), "{r:?}");
}

#[test]
fn a_purpose_clause_past_a_time_adjunct_acts_for_the_verbs_subject() {
    let r = relations(
        "Bush has sent Secretary of State Condoleezza Rice to visit the country on Monday to support Kofi Annan in mediating the conflict.",
    );
    assert!(has(&r, "Condoleezza Rice supports Kofi Annan"), "{r:?}");
}

#[test]
fn honorifics_and_house_style_capitals_name_no_one() {
    let r = relations(
        "We thank His Excellency Mr. Dennis Francis, President of the General Assembly. All Member States and the Governments of India and Japan supported the small island developing States.",
    );
    assert!(
        !r.iter()
            .any(|x| x.contains("Excellency") || x.contains("States") || x.contains("Governments")),
        "{r:?}"
    );
    assert!(
        r.iter().any(|x| x.starts_with("Dennis Francis leads")),
        "{r:?}"
    );
    let r = relations(
        "His Royal Highness the Crown Prince has worked together with the United States.",
    );
    assert!(!r.iter().any(|x| x.contains("Highness")), "{r:?}");
    // a title or a form of address alone, a description noun after a possessive
    let r = relations(
        "Mr. President, Ladies and Gentlemen, Liechtenstein joined this Organization in 1990.",
    );
    assert!(
        !r.iter().any(|x| x.contains("Organization")
            || x.contains("Gentlemen")
            || x.contains("President")),
        "{r:?}"
    );
    // a sentence opening with an office holds the person after it
    let r = relations("Former President of Russia Boris Yeltsin has died at age 76.");
    assert!(has(&r, "Boris Yeltsin leads Russia"), "{r:?}");
}

#[test]
fn a_titled_person_after_a_states_possessive_is_the_object() {
    let r = relations("Nelson Mandela criticized Zimbabwe's President Robert Mugabe on Monday.");
    assert!(has(&r, "Nelson Mandela condemns Robert Mugabe"), "{r:?}");
    assert!(!has(&r, "Nelson Mandela condemns Zimbabwe"), "{r:?}");
}

#[test]
fn stopping_a_cooperative_act_reduces_relations() {
    let r = relations("Gazprom stopped supplying gas to Moldova on January 1.");
    assert!(has(&r, "Gazprom sanctions Moldova"), "{r:?}");
    assert!(!has(&r, "Gazprom aids Moldova"), "{r:?}");
}

#[test]
fn a_possessor_after_a_comma_is_an_apposition_not_a_list_member() {
    let r = relations("Nikolic supports closer ties with Russia, Serbia's historical ally.");
    assert!(!r.iter().any(|x| x.ends_with("supports Serbia")), "{r:?}");
    let r = relations("President Abdullah Gul met with Besir Atalay, Turkey's interior minister.");
    assert!(!has(&r, "Abdullah Gul meetsWith Turkey"), "{r:?}");
}

#[test]
fn the_head_of_a_states_delegation_represents_the_state() {
    let r = relations(
        "Kim Kye-gwan, the head of North Korea's delegation, told reporters the talks went well.",
    );
    assert!(has(&r, "Kim Kye-gwan represents North Korea"), "{r:?}");
    assert!(!has(&r, "Kim Kye-gwan leads North Korea"), "{r:?}");
    let r = relations(
        "China's delegation was led by Zhang Qisheng, a deputy chief of the general staff.",
    );
    assert!(has(&r, "Zhang Qisheng represents China"), "{r:?}");
    assert!(!has(&r, "Zhang Qisheng leads China"), "{r:?}");
    let r = relations(
        "An Iraqi delegation, headed by defense minister Qadir Obeidi, will visit Turkey.",
    );
    assert!(!has(&r, "Qadir Obeidi leads Iraq"), "{r:?}");
    // the head of the government itself leads the state
    let r = relations("Vladimir Putin, the head of Russia's government, arrived in Paris.");
    assert!(r.iter().any(|x| x.ends_with("Putin leads Russia")), "{r:?}");
}

#[test]
fn a_titles_capitalized_modifier_names_no_organization() {
    for text in [
        "Vice Premier Shimon Peres questioned the reported casualty count.",
        "The aide was indicted by Special Prosecutor Patrick Fitzgerald last week.",
        "The oath was administered by Assistant Attorney General Lee Lofthus.",
    ] {
        let r = relations(text);
        assert!(
            !r.iter()
                .any(|x| x.contains(" Vice") || x.contains(" Special") || x.contains(" Assistant")),
            "{r:?}"
        );
    }
}

#[test]
fn an_attack_on_a_named_government_for_its_act_is_criticism() {
    let r = relations(
        "Peta Seaton, a Liberal MP, attacked the Labor government for voting against the legislation.",
    );
    assert!(has(&r, "Peta Seaton condemns Labor"), "{r:?}");
    assert!(!has(&r, "Peta Seaton attacks Labor"), "{r:?}");
}

#[test]
fn a_pair_acted_on_in_the_passive_did_not_act_together() {
    let r = relations("Robinson Smith and Mark Seidenberg were each contacted for this story.");
    assert!(!r.iter().any(|x| x.contains("meetsWith")), "{r:?}");
    // the agents of a passive act together
    let r = relations("The treaty was signed by Bulgaria, Greece and Russia today.");
    assert!(has(&r, "Bulgaria agreesWith Greece"), "{r:?}");
    let r = relations("Russia and China have met twice this year.");
    assert!(has(&r, "Russia meetsWith China"), "{r:?}");
}

#[test]
fn a_courtesy_title_is_no_part_of_the_name() {
    let r = relations("U.S. First Lady Laura Bush visited Egypt on Monday.");
    assert!(has(&r, "Laura Bush meetsWith Egypt"), "{r:?}");
    assert!(!r.iter().any(|x| x.contains("Lady")), "{r:?}");
}

#[test]
fn a_deity_is_no_actor() {
    let r = relations("His Majesty King Mohammed VI, may God assist him, launched an initiative.");
    assert!(!r.iter().any(|x| x.contains("God")), "{r:?}");
    let r = relations("May Almighty God bless the States Members of the United Nations.");
    assert!(!r.iter().any(|x| x.contains("God")), "{r:?}");
}

#[test]
fn a_common_nouns_possessive_inside_an_organizations_name_keeps_the_name_whole() {
    let r = relations("In 1950, the People's Liberation Army invaded Tibet.");
    assert!(has(&r, "People's Liberation Army attacks Tibet"), "{r:?}");
    let r = relations(
        "David Russel, chief executive of the Consumers' Institute, said the service was poor.",
    );
    assert!(has(&r, "David Russel leads Consumers' Institute"), "{r:?}");
    // a known name before the possessive is the possessor
    let r = relations("Spain's Socialist Party condemned the attack on Madrid.");
    assert!(!r.iter().any(|x| x.contains("Spain's")), "{r:?}");
}

#[test]
fn a_gathering_of_an_organization_is_what_the_place_locates() {
    let r = relations(
        "Canada will attend the Conference of the Parties to the United Nations Framework Convention on Climate Change in Egypt.",
    );
    assert!(!r.iter().any(|x| x.contains("locatedIn")), "{r:?}");
    let r = relations(
        "Korea will host a ministerial meeting of the Global Health Security Agenda in Seoul.",
    );
    assert!(!r.iter().any(|x| x.contains("locatedIn")), "{r:?}");
    // an organization's own seat is still located
    let r = relations("The Houthi movement in Yemen rejected the plan.");
    assert!(r.iter().any(|x| x.ends_with("locatedIn Yemen")), "{r:?}");
}

#[test]
fn a_disease_is_no_actor() {
    let r = relations("China is actively involved in the international fight against COVID-19.");
    assert!(!r.iter().any(|x| x.contains("COVID")), "{r:?}");
    let r = relations("Eswatini has made great strides in the fight against HIV and AIDS.");
    assert!(
        !r.iter().any(|x| x.contains("HIV") || x.contains("AIDS")),
        "{r:?}"
    );
}

#[test]
fn a_documents_name_goes_on_through_on_the() {
    let r = relations(
        "Ireland is a strong supporter of the Treaty on the Prohibition of Nuclear Weapons.",
    );
    assert!(
        has(
            &r,
            "Ireland supports Treaty on the Prohibition of Nuclear Weapons"
        ),
        "{r:?}"
    );
    let r = relations("Mali will implement the Agreement on Peace and Reconciliation in Mali.");
    assert!(!r.iter().any(|x| x.starts_with("Reconciliation")), "{r:?}");
}

#[test]
fn a_meeting_hall_is_no_actor_but_a_surname_hall_is_a_person() {
    let r =
        relations("Last year in this very Hall most of us condemned Russia's invasion of Ukraine.");
    assert!(!r.iter().any(|x| x.contains("Hall")), "{r:?}");
    let r = relations(
        "Mike Hall, chief executive of the New Zealand Fire Service, said he was pleased.",
    );
    assert!(has(&r, "Mike Hall leads New Zealand Fire Service"), "{r:?}");
}
