// The shipped dictionaries (data/actors/) code what their entries promise: a party, agency,
// company or NGO named on its own, and a bare surname resolved through a dated role. The
// sentences are invented; each names an entry added for news that named actors nobody coded.
#include <gtest/gtest.h>

#include <string>

#include "actors/test_util.h"

namespace dragoman {
namespace {

using testing_actors::Describe;
using testing_actors::DocMentions;
using testing_actors::RunDoc;

// Every mention of the document, described, one per line.
std::string All(const std::string& text, PartialDate date) {
  DocMentions d = RunDoc(text, date);
  std::string out;
  for (const ActorMention& m : d.All()) out += Describe(m) + "\n";
  return out;
}

// The code of the mention whose text is `mention`, or "(none)".
std::string CodeOf(const std::string& text, const std::string& mention, PartialDate date) {
  DocMentions d = RunDoc(text, date);
  for (const ActorMention& m : d.All()) {
    if (m.actor.text == mention) return m.actor.code;
  }
  return "(none)";
}

constexpr PartialDate kDate{2023, 5, 10};

TEST(ActorDataEntries, PartiesWithTheirCountry) {
  EXPECT_EQ(CodeOf("The BJP criticised the plan on Tuesday.", "BJP", kDate), "INDPTY");
  EXPECT_EQ(CodeOf("Likud rejected the proposal.", "Likud", kDate), "ISRPTY");
  EXPECT_EQ(CodeOf("Georgian Dream won the vote.", "Georgian Dream", kDate), "GEOPTY");
  // A ruling party that is an organ of the state is its government.
  EXPECT_EQ(CodeOf("The Chinese Communist Party praised the deal.", "Chinese Communist Party",
                   kDate),
            "CHNGOV");
}

TEST(ActorDataEntries, AgenciesCompaniesAndNgos) {
  EXPECT_EQ(CodeOf("The DEA seized the cargo.", "DEA", kDate), "USACOP");
  EXPECT_EQ(CodeOf("Huawei signed a contract with the ministry.", "Huawei", kDate), "CHNBUS");
  EXPECT_EQ(CodeOf("Baykar delivered the drones.", "Baykar", kDate), "TURBUS");
  EXPECT_EQ(CodeOf("The ACLU sued the city.", "ACLU", kDate), "USANGO");
}

// A surname alone resolves to the person whose role is valid at the document's date.
TEST(ActorDataEntries, BareSurnamesByDate) {
  std::string later = All("Schumer said the Senate would vote.", PartialDate{2022, 3, 1});
  EXPECT_NE(later.find("[Schumer] USALEG name=Chuck Schumer"), std::string::npos) << later;
  std::string qaani = All("Qaani visited the border on Sunday.", PartialDate{2024, 9, 1});
  EXPECT_NE(qaani.find("[Qaani] IRNMIL name=Esmail Qaani"), std::string::npos) << qaani;
  std::string soleimani =
      All("Soleimani visited the border on Sunday.", PartialDate{2018, 9, 1});
  EXPECT_NE(soleimani.find("[Soleimani] IRNMIL name=Qassem Soleimani"), std::string::npos)
      << soleimani;
}

// Headline abbreviations and word-order variants of cabinet roles name a government official
// of the country before them, not the bare country; a clock time is no official.
TEST(ActorDataEntries, RoleAbbreviationsAndVariants) {
  EXPECT_EQ(CodeOf("The Egyptian FM criticized the plan.", "Egyptian FM", kDate), "EGYGOV");
  EXPECT_EQ(CodeOf("The Egyptian FMs met on Monday.", "Egyptian FMs", kDate), "EGYGOV");
  EXPECT_EQ(CodeOf("Israeli PM Dan Avrahami spoke.", "Israeli PM Dan Avrahami", kDate), "ISRGOV");
  EXPECT_EQ(CodeOf("Egypt's Foreign Affairs Minister spoke.", "Egypt's Foreign Affairs Minister",
                   kDate),
            "EGYGOV");
  EXPECT_EQ(CodeOf("Chile's Minister for Foreign Affairs spoke.",
                   "Chile's Minister for Foreign Affairs", kDate),
            "CHLGOV");
  // An organisation's chief diplomat is one mention of the organisation, not the bare name.
  EXPECT_EQ(CodeOf("The EU's diplomatic chief rejected the plan.", "EU's diplomatic chief",
                   kDate),
            "IGOEU");
  EXPECT_EQ(CodeOf("The EU foreign policy chief spoke.", "EU foreign policy chief", kDate),
            "IGOEU");
  std::string clock = All("The talks began at 5 pm on Monday.", kDate);
  EXPECT_EQ(clock, "") << clock;
}

// Issue 10, breadth: agencies, security services, parliaments, state media, armed groups and
// international bodies named on their own, with their country and sector.
TEST(ActorDataEntries, AgenciesServicesParliamentsAndMediaByName) {
  EXPECT_EQ(CodeOf("ICE deported the man to Honduras.", "ICE", kDate), "USACOP");
  EXPECT_EQ(CodeOf("The Border Patrol detained the group.", "Border Patrol", kDate), "USACOP");
  EXPECT_EQ(CodeOf("The Department of Defense sent the jets.", "Department of Defense", kDate),
            "USAMIL");
  EXPECT_EQ(CodeOf("The SVR denied the report.", "SVR", kDate), "RUSSPY");
  EXPECT_EQ(CodeOf("GCHQ warned the banks.", "GCHQ", kDate), "GBRSPY");
  EXPECT_EQ(CodeOf("The Sejm passed the bill.", "Sejm", kDate), "POLLEG");
  EXPECT_EQ(CodeOf("The Lok Sabha passed the bill.", "Lok Sabha", kDate), "INDLEG");
  EXPECT_EQ(CodeOf("Yonhap reported the launch.", "Yonhap", kDate), "KORMED");
  EXPECT_EQ(CodeOf("SANA reported the strike.", "SANA", kDate), "SYRMED");
  EXPECT_EQ(CodeOf("The Guardian Council rejected the candidates.", "Guardian Council", kDate),
            "IRNGOV");
  EXPECT_EQ(CodeOf("The Kurdistan Regional Government protested.",
                   "Kurdistan Regional Government", kDate),
            "IRQGOV");
}

TEST(ActorDataEntries, ArmedGroupsPartiesAndInternationalBodiesByName) {
  EXPECT_EQ(CodeOf("AQAP claimed the attack.", "AQAP", kDate), "YEMREB");
  EXPECT_EQ(CodeOf("The Sinaloa Cartel bribed the officers.", "Sinaloa Cartel", kDate), "MEXCRM");
  EXPECT_EQ(CodeOf("The Arakan Rohingya Salvation Army denied it.",
                   "Arakan Rohingya Salvation Army", kDate),
            "MMRREB");
  EXPECT_EQ(CodeOf("Pheu Thai left the coalition.", "Pheu Thai", kDate), "THAPTY");
  EXPECT_EQ(CodeOf("OCHA warned of famine.", "OCHA", kDate), "IGOUNOCHA");
  EXPECT_EQ(CodeOf("MONUSCO sent a patrol.", "MONUSCO", kDate), "IGOUNO");
  EXPECT_EQ(CodeOf("The ECB raised its rates.", "ECB", kDate), "IGOEU");
  EXPECT_EQ(CodeOf("Save the Children appealed for funds.", "Save the Children", kDate),
            "NGOSTC");
}

// An acronym written in capitals matches only capitals: the word "ice", capitalised or not, is
// no agency, and neither is "Rat" the Russian news agency nor "nasa".
TEST(ActorDataEntries, AcronymsMatchOnlyInCapitals) {
  EXPECT_EQ(All("The ice on the river closed the border crossing.", kDate), "");
  EXPECT_EQ(All("Ice closed the border crossing.", kDate), "");
  EXPECT_EQ(All("Rt 66 and the dia crossing were closed.", kDate), "");
  EXPECT_EQ(CodeOf("RT reported the vote.", "RT", kDate), "RUSMED");
}

// Names that several states' bodies share are roles.txt institutions: they take the country the
// text gives them. An entry never takes the place of a country it contains, nor of a place.
TEST(ActorDataEntries, SharedInstitutionNamesTakeTheTextsCountry) {
  EXPECT_EQ(CodeOf("Russia's Investigative Committee opened a case.",
                   "Russia's Investigative Committee", kDate),
            "RUSJUD");
  EXPECT_EQ(CodeOf("Armenia's Investigative Committee opened a case.",
                   "Armenia's Investigative Committee", kDate),
            "ARMJUD");
  EXPECT_EQ(CodeOf("Kenya's National Intelligence Service warned the ministry.",
                   "Kenya's National Intelligence Service", kDate),
            "KENSPY");
  EXPECT_EQ(CodeOf("The Kenya Defence Forces shelled the camp.", "Kenya Defence Forces", kDate),
            "KENMIL");
  std::string sea = All("Ships sailed into the Sea of Azov.", kDate);
  EXPECT_EQ(sea.find("UKRMIL"), std::string::npos) << sea;
}

}  // namespace
}  // namespace dragoman
