// Mention finding and resolution, one construction per test. Every sentence here is invented
// for the test (see doc/actors.md); the people named are real office holders so that the
// shipped people files are exercised.
#include <gtest/gtest.h>

#include "actors/test_util.h"

namespace dragoman {
namespace {

using testing_actors::Describe;
using testing_actors::DocMentions;
using testing_actors::DumpAll;
using testing_actors::RunDoc;
using testing_actors::With;

const PartialDate kDate2024{2024, 3, 1};

TEST(ActorResolver, DemonymRoleAndKnownPersonAreOneMention) {
  auto d = RunDoc("Azerbaijani MFA spokesperson Aykhan Hajizadeh rejected the report on Tuesday.",
                  kDate2024);
  auto ms = d.All();
  ASSERT_EQ(ms.size(), 1u) << DumpAll(d);
  EXPECT_EQ(ms[0].actor.code, "AZEGOV");
  EXPECT_EQ(ms[0].actor.name, "Aykhan Hajizadeh");
  EXPECT_EQ(ms[0].kind, ActorMention::Kind::kPerson);
  // The head is the surname: the noun the verb agrees with.
  EXPECT_EQ(d.sentences[0].tokens[ms[0].head].norm, "hajizadeh");
  // Byte span is exact.
  EXPECT_EQ(ms[0].actor.begin, 0u);
  EXPECT_EQ(ms[0].actor.text, "Azerbaijani MFA spokesperson Aykhan Hajizadeh");
}

TEST(ActorResolver, PossessiveRoleNameIsLearnedAndReused) {
  // An invented spokesman (not in the people files): learned from the text.
  auto d = RunDoc(
      "Iran's Foreign Ministry spokesman Dariush Kamrani criticised the decision. "
      "Kamrani said talks would continue.",
      kDate2024);
  EXPECT_ACTOR(d, "Iran's Foreign Ministry spokesman Dariush Kamrani", "IRNGOV");
  auto later = With(d, "Kamrani");
  ASSERT_EQ(later.size(), 1u) << DumpAll(d);
  EXPECT_EQ(later[0].actor.code, "IRNGOV");
  EXPECT_EQ(later[0].actor.name, "Dariush Kamrani");
}

TEST(ActorResolver, NameThenAppositiveRole) {
  auto d = RunDoc(
      "Farhad Aliyarli, the Assistant to the Azerbaijani President, arrived in Ankara. "
      "Aliyarli met Turkish officials.",
      kDate2024);
  EXPECT_ACTOR(d, "Farhad Aliyarli, the Assistant to the Azerbaijani President", "AZEGOV");
  EXPECT_ACTOR(d, "Aliyarli", "AZEGOV");
  EXPECT_ACTOR(d, "Turkish officials", "TURGOV");
  auto ankara = With(d, "Ankara");
  ASSERT_EQ(ankara.size(), 1u);
  EXPECT_TRUE(ankara[0].place);
  EXPECT_EQ(ankara[0].actor.code, "TUR");
}

TEST(ActorResolver, NameCommaCountryRole) {
  auto d =
      RunDoc("Tigran Avagyan, Armenia's deputy foreign minister, criticised the plan.", kDate2024);
  EXPECT_ACTOR(d, "Tigran Avagyan, Armenia's deputy foreign minister", "ARMGOV");
}

TEST(ActorResolver, RoleOfCountry) {
  auto d = RunDoc("The prisoners were pardoned by the President of Azerbaijan.", kDate2024);
  EXPECT_ACTOR(d, "President of Azerbaijan", "AZEGOV");
}

TEST(ActorResolver, InstitutionsAndGroups) {
  auto d = RunDoc(
      "Azerbaijani authorities said Iranian nationals and Armenian soldiers were held. "
      "The Azerbaijani Embassy and Azerbaijan's Ministry of Justice issued statements.",
      kDate2024);
  EXPECT_ACTOR(d, "Azerbaijani authorities", "AZEGOV");
  EXPECT_ACTOR(d, "Iranian nationals", "IRNCVL");
  EXPECT_ACTOR(d, "Armenian soldiers", "ARMMIL");
  EXPECT_ACTOR(d, "Azerbaijani Embassy", "AZEGOV");
  EXPECT_ACTOR(d, "Azerbaijan's Ministry of Justice", "AZEJUD");
}

TEST(ActorResolver, CounterpartWithName) {
  auto d = RunDoc(
      "Jeyhun Bayramov spoke with his Iranian counterpart, Hossein Amir-Abdollahian, by phone.",
      PartialDate{2023, 5, 2});
  auto ms = With(d, "Iranian counterpart, Hossein Amir-Abdollahian");
  ASSERT_EQ(ms.size(), 1u) << DumpAll(d);
  EXPECT_EQ(ms[0].actor.code, "IRNGOV");
  EXPECT_EQ(ms[0].actor.name, "Hossein Amir-Abdollahian");
  EXPECT_ACTOR(d, "Jeyhun Bayramov", "AZEGOV");
}

TEST(ActorResolver, CountriesCapitalsAndPlaces) {
  auto d = RunDoc("Tehran fears a new conflict. Azerbaijan rejected the claim made in Tehran.",
                  kDate2024);
  auto t = With(d, "Tehran");
  ASSERT_EQ(t.size(), 2u) << DumpAll(d);
  EXPECT_EQ(t[0].actor.code, "IRNGOV");
  EXPECT_EQ(t[0].kind, ActorMention::Kind::kCapital);
  EXPECT_FALSE(t[0].place);
  EXPECT_EQ(t[1].actor.code, "IRN");
  EXPECT_TRUE(t[1].place);
  auto a = With(d, "Azerbaijan");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].actor.code, "AZE");
  EXPECT_EQ(a[0].kind, ActorMention::Kind::kCountry);
}

TEST(ActorResolver, CapitalInsideAProperNameIsNotAnActor) {
  auto d = RunDoc("The Baku Congress Center hosted the talks.", kDate2024);
  EXPECT_TRUE(With(d, "Baku").empty()) << DumpAll(d);
}

TEST(ActorResolver, DateBoundedRoles) {
  const std::string text = "Amir-Abdollahian criticised the sanctions.";
  auto during = RunDoc(text, PartialDate{2022, 6, 1});
  EXPECT_ACTOR(during, "Amir-Abdollahian", "IRNGOV");
  auto before = RunDoc(text, PartialDate{2018, 6, 1});
  EXPECT_ACTOR(before, "Amir-Abdollahian", "IRN");
  auto after = RunDoc(text, PartialDate{2025, 6, 1});
  EXPECT_ACTOR(after, "Amir-Abdollahian", "IRNELI");
  // A foreign minister replaced: Zarif before August 2021, Amir-Abdollahian after.
  auto zarif = RunDoc("Zarif met the envoy.", PartialDate{2022, 1, 1});
  EXPECT_ACTOR(zarif, "Zarif", "IRNELI");
}

TEST(ActorResolver, PronounsFollowThePreviousSubject) {
  auto d = RunDoc(
      "Jeyhun Bayramov received the Georgian ambassador. He said relations were strong. "
      "The minister also praised his host.",
      kDate2024);
  auto he = With(d, "He");
  ASSERT_EQ(he.size(), 1u) << DumpAll(d);
  EXPECT_EQ(he[0].actor.name, "Jeyhun Bayramov");
  EXPECT_EQ(he[0].actor.code, "AZEGOV");
  EXPECT_EQ(he[0].kind, ActorMention::Kind::kPronoun);
}

TEST(ActorResolver, ASentenceOpeningItIsThePreviousOrganisationSubject) {
  auto d = RunDoc(
      "The Kenyan foreign ministry issued a statement on Monday. It also accused Somalia of "
      "harbouring militants. It is unclear whether Somalia will respond. President William Ruto "
      "met the Somali envoy. It added that talks would go on.",
      kDate2024);
  auto it = With(d, "It");
  // The first "It" follows the ministry; "It is unclear" is impersonal; the last "It" follows
  // a person, whom "it" never means.
  ASSERT_EQ(it.size(), 1u) << DumpAll(d);
  EXPECT_EQ(it[0].actor.code, "KENGOV");
  EXPECT_EQ(it[0].kind, ActorMention::Kind::kPronoun);
  EXPECT_EQ(it[0].rule, "ref:thing");
  // Not inside a sentence: "said that it had ..." is left to the clause analysis.
  auto d2 = RunDoc("Kenya said on Monday that it had freed two hostages.", kDate2024);
  EXPECT_TRUE(With(d2, "it").empty()) << DumpAll(d2);
}

TEST(ActorResolver, WeInsideAQuoteIsTheSpeaker) {
  auto d = RunDoc(
      "Armenian Foreign Minister Ararat Mirzoyan arrived in Tbilisi. "
      "\xE2\x80\x9CWe are ready for talks,\xE2\x80\x9D Bayramov said.",
      kDate2024);
  auto we = With(d, "We");
  ASSERT_EQ(we.size(), 1u) << DumpAll(d);
  EXPECT_EQ(we[0].actor.name, "Jeyhun Bayramov");
  EXPECT_EQ(we[0].actor.code, "AZEGOV");
}

TEST(ActorResolver, UnattributedQuoteBelongsToThePreviousSubject) {
  // The issuer is Georgian, but the quote that opens the next paragraph is Bayramov's.
  auto d = RunDoc(
      "The Ministry of Foreign Affairs of Georgia hosted the talks.\n\n"
      "Afterwards, Jeyhun Bayramov spoke to reporters, saying that progress was made.\n\n"
      "\xE2\x80\x9CWe agreed to meet again in spring.\xE2\x80\x9D",
      kDate2024);
  auto we = With(d, "We");
  ASSERT_EQ(we.size(), 1u) << DumpAll(d);
  EXPECT_EQ(we[0].actor.code, "AZEGOV");
  EXPECT_EQ(we[0].actor.name, "Jeyhun Bayramov");
}

TEST(ActorResolver, EthnicGroupsTakeTheCountryTheyLiveIn) {
  auto d = RunDoc(
      "Hundreds of ethnic Uzbeks marched in Kyrgyzstan. Ethnic Russians protested. "
      "Ethnic Hungarian students criticized Slovakia's new language law.",
      kDate2024);
  EXPECT_ACTOR(d, "Uzbeks", "KGZCVL");    // the place named
  EXPECT_ACTOR(d, "Russians", "RUSCVL");  // no other country: unchanged
  auto hu = With(d, "Hungarian students");
  ASSERT_FALSE(hu.empty()) << DumpAll(d);
  EXPECT_EQ(hu[0].actor.country, "SVK");  // the other country of the sentence
}

TEST(ActorResolver, InstitutionsNamedByTheirBuilding) {
  auto d = RunDoc("The Pentagon rejected the report. The Knesset approved the budget.", kDate2024);
  EXPECT_ACTOR(d, "Pentagon", "USAMIL");
  EXPECT_ACTOR(d, "Knesset", "ISRLEG");
}

TEST(ActorResolver, OurCountryOutsideQuotesIsTheIssuer) {
  auto d = RunDoc(
      "The Ministry of Foreign Affairs of Georgia issued a statement. "
      "Our country supports dialogue.",
      kDate2024);
  EXPECT_ACTOR(d, "Ministry of Foreign Affairs of Georgia", "GEOGOV");
  EXPECT_ACTOR(d, "Our country", "GEO");
}

TEST(ActorResolver, PluralReferences) {
  auto d = RunDoc(
      "Azerbaijani Foreign Minister Jeyhun Bayramov met Iranian Foreign Minister Abbas Araghchi. "
      "The ministers discussed trade. The two countries agreed to cooperate. "
      "Both sides signed a memorandum.",
      PartialDate{2025, 1, 15});
  auto ministers = With(d, "ministers");
  ASSERT_EQ(ministers.size(), 1u) << DumpAll(d);
  ASSERT_EQ(ministers[0].members.size(), 2u);
  EXPECT_EQ(ministers[0].members[0].name, "Jeyhun Bayramov");
  EXPECT_EQ(ministers[0].members[1].name, "Abbas Araghchi");
  auto countries = With(d, "The two countries");
  ASSERT_EQ(countries.size(), 1u) << DumpAll(d);
  ASSERT_EQ(countries[0].members.size(), 2u);
  EXPECT_EQ(countries[0].members[0].code, "AZE");
  EXPECT_EQ(countries[0].members[1].code, "IRN");
  auto sides = With(d, "Both sides");
  ASSERT_EQ(sides.size(), 1u) << DumpAll(d);
  ASSERT_EQ(sides[0].members.size(), 2u);
  EXPECT_EQ(sides[0].members[0].code, "AZEGOV");
  EXPECT_EQ(sides[0].members[1].code, "IRNGOV");
}

TEST(ActorResolver, CountryRoleResolvesToTheOnePersonSeen) {
  auto d = RunDoc(
      "Hossein Amir-Abdollahian visited Baku. Later the Iranian minister met reporters. "
      "The Iranian diplomat left on Friday.",
      PartialDate{2023, 7, 1});
  auto m = With(d, "Iranian minister");
  ASSERT_EQ(m.size(), 1u) << DumpAll(d);
  EXPECT_EQ(m[0].actor.code, "IRNGOV");
  EXPECT_EQ(m[0].actor.name, "Hossein Amir-Abdollahian");
  auto dip = With(d, "Iranian diplomat");
  ASSERT_EQ(dip.size(), 1u) << DumpAll(d);
  EXPECT_EQ(dip[0].actor.name, "Hossein Amir-Abdollahian");
}

TEST(ActorResolver, UnknownCapitalisedNamesAreNotActors) {
  auto d = RunDoc("Ramin Gulverdiyev arrived on Monday. Newsroom logo. Desktop Mobile.", kDate2024);
  EXPECT_TRUE(d.All().empty()) << DumpAll(d);
}

TEST(ActorResolver, FurnitureSentencesGiveNothing) {
  const std::string text = "Iranian President Masoud Pezeshkian met Azerbaijani officials.";
  auto sents = testing_actors::Text().Analyze(text);
  ASSERT_EQ(sents.size(), 1u);
  sents[0].furniture = true;
  ActorResolver r(testing_actors::Dict(), kDate2024);
  EXPECT_TRUE(r.Resolve(sents[0], text).empty());
}

TEST(ActorResolver, WorldWideDemonymsAndRoles) {
  auto d = RunDoc(
      "Senior Hungarian and Romanian officials agreed to cooperate. Israeli troops entered the "
      "town. Palestinian refugees fled. Congolese rebels attacked. Kosovar police arrested "
      "three men. The Chinese government protested. US forces withdrew.",
      PartialDate{2000, 1, 1});
  auto hr = With(d, "Hungarian and Romanian officials");
  ASSERT_EQ(hr.size(), 1u) << DumpAll(d);
  ASSERT_EQ(hr[0].members.size(), 2u);
  EXPECT_EQ(hr[0].members[0].code, "HUNGOV");
  EXPECT_EQ(hr[0].members[1].code, "ROUGOV");
  EXPECT_ACTOR(d, "Israeli troops", "ISRMIL");
  EXPECT_ACTOR(d, "Palestinian refugees", "PSEREF");
  EXPECT_ACTOR(d, "Congolese rebels", "CODREB");
  EXPECT_ACTOR(d, "Kosovar police", "XKXCOP");
  EXPECT_ACTOR(d, "Chinese government", "CHNGOV");
  EXPECT_ACTOR(d, "US forces", "USAMIL");
}

TEST(ActorResolver, OrganisationsWorldWide) {
  auto d = RunDoc(
      "The United Nations and NATO condemned the attack. Amnesty International and Human "
      "Rights Watch called for an inquiry. Hamas rejected the plan. The IAEA sent inspectors. "
      "OSCE observers arrived.",
      PartialDate{2000, 1, 1});
  EXPECT_ACTOR(d, "United Nations", "IGOUNO");
  EXPECT_ACTOR(d, "NATO", "IGONATO");
  EXPECT_ACTOR(d, "Amnesty International", "NGOAMN");
  EXPECT_ACTOR(d, "Human Rights Watch", "NGOHRW");
  EXPECT_ACTOR(d, "Hamas", "PSEREB");
  EXPECT_ACTOR(d, "IAEA", "IGOIAEA");
}

TEST(ActorResolver, PronounUsIsNotTheUnitedStates) {
  auto d = RunDoc("\xE2\x80\x9CThey told us nothing,\xE2\x80\x9D the villagers said.", kDate2024);
  for (const auto& m : d.All()) EXPECT_NE(m.actor.code, "USA") << Describe(m);
}

TEST(ActorResolver, RoleWithoutCountryOrNameIsNotCoded) {
  auto d = RunDoc("The minister said the talks failed.", kDate2024);
  EXPECT_TRUE(d.All().empty()) << DumpAll(d);
}

TEST(ActorResolver, WordsInsideActorPhrases) {
  auto d = RunDoc(
      "Nigeria's interim government met a Nigerian junior foreign minister. Former President "
      "Hassan Rouhani criticised the Bush administration. Cairo's security chief warned.",
      PartialDate{2023, 1, 1});
  EXPECT_ACTOR(d, "Nigeria's interim government", "NGAGOV");
  EXPECT_ACTOR(d, "Nigerian junior foreign minister", "NGAGOV");
  EXPECT_ACTOR(d, "President Hassan Rouhani", "IRNELI");
  EXPECT_ACTOR(d, "Bush administration", "USAGOV");
  EXPECT_ACTOR(d, "Cairo's security chief", "EGYCOP");
}

TEST(ActorResolver, RoleInCountry) {
  auto d = RunDoc(
      "Rebels in the Ivory Coast rejected the plan. Azerbaijani officials said their citizens "
      "in Iran were denied visits.",
      PartialDate{2003, 1, 1});
  EXPECT_ACTOR(d, "Rebels in the Ivory Coast", "CIVREB");
  for (const auto& m : d.All()) EXPECT_NE(m.actor.code, "IRNCVL") << Describe(m);
}

TEST(ActorResolver, KnownSurnameEndsAnUnknownSpelling) {
  // "Mitterand" is a listed alias; the first name is not in the file with this spelling.
  auto d = RunDoc("President Francois Mitterand welcomed the visitors.", PartialDate{1990, 1, 1});
  auto ms = d.All();
  ASSERT_EQ(ms.size(), 1u) << DumpAll(d);
  EXPECT_EQ(ms[0].actor.code, "FRAGOV");
  EXPECT_EQ(ms[0].actor.name, "Francois Mitterrand");
}

TEST(ActorResolver, MentionsAreOrderedAndDisjoint) {
  auto d = RunDoc(
      "Russian Foreign Minister Sergey Lavrov and Armenian Prime Minister Nikol Pashinyan met "
      "Georgian officials in Tbilisi, where the OSCE and the EU had envoys.",
      kDate2024);
  for (const auto& ms : d.mentions) {
    for (size_t k = 1; k < ms.size(); ++k) {
      EXPECT_LE(ms[k - 1].token_end, ms[k].token_begin) << DumpAll(d);
    }
    for (const auto& m : ms) {
      EXPECT_LT(m.token_begin, m.token_end);
      EXPECT_GE(m.head, m.token_begin);
      EXPECT_LT(m.head, m.token_end);
      EXPECT_FALSE(m.actor.code.empty());
    }
  }
  EXPECT_ACTOR(d, "Russian Foreign Minister Sergey Lavrov", "RUSGOV");
  EXPECT_ACTOR(d, "Armenian Prime Minister Nikol Pashinyan", "ARMGOV");
}

// Generic actors (generic.txt): a role or institution with no country and no person.
TEST(ActorResolver, GenericOrgansOfAStateTakeTheDocumentsCountry) {
  auto d = RunDoc(
      "Armenia and Azerbaijan resumed talks in Brussels. Armenia proposed a new round. "
      "Police detained two traders on Monday. Prosecutors charged them with fraud.",
      kDate2024);
  EXPECT_ACTOR(d, "Police", "ARMCOP");
  EXPECT_ACTOR(d, "Prosecutors", "ARMJUD");
  EXPECT_EQ(With(d, "Police")[0].kind, ActorMention::Kind::kGeneric);
}

TEST(ActorResolver, GenericActorInAOneSentenceDocumentTakesTheSentencesCountry) {
  auto d = RunDoc("A district court convicted two officials in Kenya.", kDate2024);
  EXPECT_ACTOR(d, "district court", "KENJUD");
  auto e = RunDoc("Federal troops entered the town near Lagos.", kDate2024);
  EXPECT_ACTOR(e, "troops", "NGAMIL");
}

TEST(ActorResolver, GenericActorWithNoCountryIsCodedByItsSector) {
  auto d = RunDoc("The court sentenced the banker to five years.", kDate2024);
  EXPECT_ACTOR(d, "court", "JUD");
  EXPECT_EQ(With(d, "court")[0].actor.country, "");
}

TEST(ActorResolver, NonStateGenericActorsGetNoGuessedCountry) {
  auto d = RunDoc("Georgia and Turkey opened a new border crossing. Rebels attacked a convoy.",
                  kDate2024);
  EXPECT_ACTOR(d, "Rebels", "REB");
  auto e = RunDoc("State media reported the visit.", kDate2024);
  EXPECT_ACTOR(e, "State media", "MED");
}

TEST(ActorResolver, UnnamedPersonRolesAreNotGenericActors) {
  // One unnamed person: not an institution.
  auto d = RunDoc("Iran and Iraq held talks. A spokesman declined to comment. The envoys met.",
                  kDate2024);
  EXPECT_TRUE(With(d, "spokesman").empty()) << DumpAll(d);
  // Plural officials of the document's two parties, none named: each party's officials
  // (parties.cc, PairOfficials), not an institution.
  auto envoys = With(d, "envoys");
  ASSERT_EQ(envoys.size(), 1u) << DumpAll(d);
  ASSERT_EQ(envoys[0].members.size(), 2u) << DumpAll(d);
  EXPECT_EQ(envoys[0].members[0].code, "IRNGOV");
  EXPECT_EQ(envoys[0].members[1].code, "IRQGOV");
}

// A person named with a role of a state organ but no country is coded by the role's sector, with
// the document's country like a generic organ; the name is learned with it.
TEST(ActorResolver, RoleAndNameWithoutCountryTakeTheDocumentsCountry) {
  auto d = RunDoc(
      "Interior Minister Hans Berger met the envoy in Vienna. Berger said the talks went well.",
      kDate2024);
  EXPECT_ACTOR(d, "Interior Minister Hans Berger", "AUTGOV");
  EXPECT_EQ(With(d, "Interior Minister Hans Berger")[0].actor.name, "Hans Berger");
  EXPECT_ACTOR(d, "Berger", "AUTGOV");
  auto e = RunDoc("Senator Ana Ruiz criticised the bill.", kDate2024);
  EXPECT_ACTOR(e, "Senator Ana Ruiz", "LEG");
}

TEST(ActorResolver, RoleAndNameWithoutCountryNeedAGenericSector) {
  // A journalist's sector (media) gives no guessed country, and a role word is no name.
  auto d = RunDoc("Journalist Ana Ruiz criticised the bill in Lima.", kDate2024);
  EXPECT_ACTOR(d, "Journalist Ana Ruiz", "MED");
  auto e = RunDoc("Deputy Speaker of the National Assembly Hans Berger met the envoy.", kDate2024);
  EXPECT_ACTOR(e, "Deputy Speaker of the National Assembly Hans Berger", "LEG");
  // A former office holder is an elite (ELI), of no state: no document country either.
  auto f = RunDoc("Former Minister Hans Berger met the envoy in Vienna.", kDate2024);
  EXPECT_ACTOR(f, "Minister Hans Berger", "ELI");
  auto g = RunDoc("The minister visited Vienna.", kDate2024);
  EXPECT_TRUE(With(g, "minister").empty()) << DumpAll(g);
}

TEST(ActorResolver, AWireDatelineIsAPlace) {
  auto d = RunDoc("OSLO (Reuters) - Norway condemned the raid.", kDate2024);
  EXPECT_ACTOR(d, "OSLO", "NOR");
  EXPECT_TRUE(With(d, "OSLO")[0].place);
  EXPECT_EQ(With(d, "OSLO")[0].rule.rfind("capital:dateline", 0), 0u) << DumpAll(d);
  auto e = RunDoc("SUCRE, Bolivia -- Chile's government protested.", kDate2024);
  EXPECT_TRUE(With(e, "Bolivia")[0].place) << DumpAll(e);
  EXPECT_ACTOR(e, "Chile's government", "CHLGOV");
  auto f = RunDoc("UNITED NATIONS (AP) - The council met.", kDate2024);
  EXPECT_TRUE(With(f, "UNITED NATIONS").empty()) << DumpAll(f);
  // The agency credited in the dateline filed the story: no mention.
  auto c = RunDoc("MOSCOW (TASS) - A court in Chile revoked the order.", kDate2024);
  EXPECT_TRUE(With(c, "TASS").empty()) << DumpAll(c);
  EXPECT_TRUE(With(c, "MOSCOW")[0].place) << DumpAll(c);
  // Outside a dateline the agency is an actor.
  auto t = RunDoc("TASS reported that Chile revoked the order.", kDate2024);
  EXPECT_ACTOR(t, "TASS", "RUSMED");
  // Not a dateline: a capital written as a name, or a short code in capitals.
  auto g = RunDoc("Oslo - a city that rarely protests - summoned the envoy.", kDate2024);
  EXPECT_ACTOR(g, "Oslo", "NORGOV");
  auto h = RunDoc("UAE - the federation - expelled the envoy.", kDate2024);
  EXPECT_FALSE(With(h, "UAE").empty() || With(h, "UAE")[0].place) << DumpAll(h);
}

TEST(ActorResolver, AcronymsWrittenAsWordsAreOrganisations) {
  // British style writes some acronyms as words; the capitals-only rule still keeps "Who".
  auto d = RunDoc("Nato and Ecowas condemned the coup. Asean leaders met. Who said so?", kDate2024);
  EXPECT_ACTOR(d, "Nato", "IGONATO");
  EXPECT_ACTOR(d, "Ecowas", "IGOECOWAS");
  EXPECT_ACTOR(d, "Asean leaders", "IGOASEAN");
  EXPECT_TRUE(With(d, "Who").empty()) << DumpAll(d);
}

TEST(ActorResolver, AnInstitutionRepeatedWithoutItsCountryIsTheOneNamedBefore) {
  // The statement names Chile more often, but "the Ministry" is Peru's, named first.
  auto d = RunDoc(
      "The Ministry of Foreign Affairs of Peru issued a statement on Chile. Chile's navy entered "
      "the bay, and Chile's president praised Chile's sailors. The Ministry condemned the move.",
      kDate2024);
  auto ms = With(d, "Ministry");
  ASSERT_FALSE(ms.empty()) << DumpAll(d);
  EXPECT_EQ(ms[0].actor.code, "PERGOV") << DumpAll(d);
  EXPECT_NE(ms[0].rule.find("seen:PER"), std::string::npos) << ms[0].rule;
  // Another institution of the same sector is not that one: the document's country.
  auto e = RunDoc(
      "The Ministry of Foreign Affairs of Peru issued a statement on Chile. Chile's navy entered "
      "the bay, and Chile's president praised Chile's sailors. The parliament condemned the move.",
      kDate2024);
  EXPECT_ACTOR(e, "parliament", "CHLLEG");
}

TEST(ActorResolver, ACountryBeforeItsOwnOrganisationIsPartOfIt) {
  auto d = RunDoc("The U.S. Department of Justice charged him. Iran's IRGC seized a ship.",
                  kDate2024);
  EXPECT_ACTOR(d, "U.S. Department of Justice", "USAJUD");
  EXPECT_ACTOR(d, "Iran's IRGC", "IRNMIL");
  EXPECT_TRUE(With(d, "U.S.").empty()) << DumpAll(d);
  // Another country's organisation, or an international one, stays a mention of its own.
  auto e = RunDoc("Russia and the UN agreed. Iraq's FBI liaison met them.", kDate2024);
  EXPECT_ACTOR(e, "Russia", "RUS");
  EXPECT_ACTOR(e, "UN", "IGOUNO");
}

TEST(ActorResolver, RoleInACapitalTakesItsCountry) {
  auto d = RunDoc("Police in Baku detained the suspect.", kDate2024);
  EXPECT_ACTOR(d, "Police in Baku", "AZECOP");
}

TEST(ActorResolver, LevelWordsInsideAnActorPhrase) {
  auto d = RunDoc("Brazil's federal police opened an inquiry.", kDate2024);
  EXPECT_ACTOR(d, "Brazil's federal police", "BRACOP");
}

TEST(ActorResolver, AThirdPartysAppealToBothPartiesMeansTheSidesOfTheConflict) {
  // France is named once, in the appeal: "both parties" are the two countries the document is
  // about, not France and the last country named.
  auto d = RunDoc(
      "Armenia and Azerbaijan exchanged fire on the border. Armenian forces shelled a village. "
      "France urged both parties to show restraint.",
      kDate2024);
  auto ms = With(d, "both parties");
  ASSERT_EQ(ms.size(), 1u) << DumpAll(d);
  ASSERT_EQ(ms[0].members.size(), 2u) << DumpAll(d);
  EXPECT_EQ(ms[0].members[0].code, "ARMGOV");
  EXPECT_EQ(ms[0].members[1].code, "AZEGOV");
  // Two countries in the sentence itself are the pair.
  auto e = RunDoc(
      "Armenia and Azerbaijan exchanged fire on the border. Armenian forces shelled a village. "
      "Chile and Peru said the two countries would hold talks.",
      kDate2024);
  auto cs = With(e, "the two countries");
  ASSERT_EQ(cs.size(), 1u) << DumpAll(e);
  ASSERT_EQ(cs[0].members.size(), 2u) << DumpAll(e);
  EXPECT_EQ(cs[0].members[0].code, "CHL");
  EXPECT_EQ(cs[0].members[1].code, "PER");
}

TEST(ActorResolver, PluralPersonRolesAreThePairsPeople) {
  // A third party's minister named last is not one of "the envoys".
  auto d = RunDoc(
      "Armenian Foreign Minister Ararat Mirzoyan met Azerbaijani Foreign Minister Jeyhun "
      "Bayramov. Armenia and Azerbaijan discussed the border. Russian Foreign Minister Sergei "
      "Lavrov welcomed the meeting. The envoys agreed to meet again.",
      PartialDate{2025, 1, 15});
  auto ms = With(d, "envoys");
  ASSERT_EQ(ms.size(), 1u) << DumpAll(d);
  ASSERT_EQ(ms[0].members.size(), 2u) << DumpAll(d);
  EXPECT_EQ(ms[0].members[0].name, "Ararat Mirzoyan");
  EXPECT_EQ(ms[0].members[1].name, "Jeyhun Bayramov");
}

TEST(ActorResolver, PluralPersonRolesTakeAnUnnamedOfficialOfTheSecondParty) {
  // The Turkish envoy is never named: "the envoys" are the Armenian envoy and Turkey's official,
  // not the Russian host named by name (the latest two people of different countries).
  auto d = RunDoc(
      "Armenian and Turkish envoys meet in Moscow\n\n"
      "Armenian envoy Ruben Rubinyan met his Turkish counterpart in Moscow.\n\n"
      "Rubinyan also met Russian Deputy Foreign Minister Andrey Rudenko.\n\n"
      "Later the meeting of the envoys took place.",
      PartialDate{2022, 1, 14});
  auto ms = With(d, "envoys");
  ASSERT_EQ(ms.size(), 1u) << DumpAll(d);
  ASSERT_EQ(ms[0].members.size(), 2u) << DumpAll(d);
  EXPECT_EQ(ms[0].members[0].name, "Ruben Rubinyan");
  EXPECT_EQ(ms[0].members[1].code, "TURGOV");
  EXPECT_TRUE(ms[0].members[1].name.empty());
}

TEST(ActorResolver, TheHeadlineWeighsInThePrincipalParties) {
  // Russia is named once in the body, Turkey once, in the headline: counted once each,
  // neither would be a clear second party (the latest two countries, Armenia and Russia, would
  // be taken), but the headline counts twice: the pair is Armenia and Turkey (parties.cc).
  const std::string text =
      "Armenian and Turkish envoys meet in Moscow\n\n"
      "Armenian envoy Ruben Rubinyan arrived in Moscow.\n\n"
      "Rubinyan met Russian Deputy Foreign Minister Andrey Rudenko.\n\n"
      "Later the meeting of the two countries took place.";
  auto d = RunDoc(text, PartialDate{2022, 1, 14});
  auto ms = With(d, "the two countries");
  ASSERT_EQ(ms.size(), 1u) << DumpAll(d);
  ASSERT_EQ(ms[0].members.size(), 2u) << DumpAll(d);
  EXPECT_EQ(ms[0].members[0].code, "ARM");
  EXPECT_EQ(ms[0].members[1].code, "TUR");
  // The same pair is what the resolver reports as the document's principal parties.
  ActorResolver r(testing_actors::Dict(), PartialDate{2022, 1, 14});
  std::vector<Sentence> sentences = testing_actors::Text().Analyze(text);
  for (const Sentence& s : sentences) r.Resolve(s, text);
  std::vector<ActorRef> parties = r.PrincipalParties();
  ASSERT_EQ(parties.size(), 2u);
  EXPECT_EQ(parties[0].country, "ARM");
  EXPECT_EQ(parties[1].country, "TUR");
}

TEST(ActorResolver, NoPrincipalPartiesWithoutAClearSecond) {
  const std::string text =
      "Kenya hosted a summit. Uganda attended. Rwanda attended. Kenya thanked the guests.";
  ActorResolver r(testing_actors::Dict(), PartialDate{2022, 1, 14});
  for (const Sentence& s : testing_actors::Text().Analyze(text)) r.Resolve(s, text);
  EXPECT_TRUE(r.PrincipalParties().empty());
}

TEST(ActorResolver, HonorificsArePartOfThePersonsMention) {
  auto d = RunDoc(
      "His Highness the Amir of Qatar received the Iranian foreign minister. "
      "H.E. the Kuwaiti foreign minister spoke.",
      kDate2024);
  EXPECT_ACTOR(d, "His Highness the Amir of Qatar", "QATGOV");
  EXPECT_ACTOR(d, "H.E. the Kuwaiti foreign minister", "KWTGOV");
  // "His" before an honorific is not a pronoun for the last person seen.
  auto e = RunDoc(
      "Azerbaijani Foreign Minister Jeyhun Bayramov arrived. His Excellency Tariq Noor greeted "
      "the guests.",
      PartialDate{2025, 1, 15});
  EXPECT_TRUE(With(e, "His").empty()) << DumpAll(e);
}

TEST(ActorResolver, AnInitialismRepeatsTheInstitutionNamedBefore) {
  auto d = RunDoc(
      "The Ministry of Foreign Affairs of Peru issued a statement on Chile. Chile's navy entered "
      "the bay, and Chile's president praised Chile's sailors. The MFA condemned the move.",
      kDate2024);
  EXPECT_ACTOR(d, "MFA", "PERGOV");
}

}  // namespace
}  // namespace dragoman
