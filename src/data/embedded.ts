/**
 * The rule sets, baselines and example scenarios shipped with the program, as
 * modules, so the browser bundle and the worker carry them without a server.
 * test/data/embedded.test.ts checks this list against the folders.
 */
import rule_bannerResident2022Json from '../../rules/banner/resident-2022.json' with { type: 'json' };
import rule_cityMedicalMaternity2021Json from '../../rules/city/medical-maternity-2021.json' with { type: 'json' };
import rule_innerMongoliaResident2022Json from '../../rules/inner-mongolia/resident-2022.json' with { type: 'json' };
import rule_nationalAccountReform2021Json from '../../rules/national/account-reform-2021.json' with { type: 'json' };
import rule_nationalFundWarningJson from '../../rules/national/fund-warning.json' with { type: 'json' };
import rule_nationalMedicalAidJson from '../../rules/national/medical-aid.json' with { type: 'json' };
import rule_nationalRetirementAgeJson from '../../rules/national/retirement-age.json' with { type: 'json' };
import rule_nationalRetirementAgePreReformJson from '../../rules/national/retirement-age-pre-reform.json' with { type: 'json' };
import rule_nationalResidentMinimumJson from '../../rules/national/resident-minimum.json' with { type: 'json' };
import rule_xinjiangEmployee2020Json from '../../rules/xinjiang/employee-2020.json' with { type: 'json' };
import baseline_banner2022 from '../../seeds/baselines/banner-2022.json' with { type: 'json' };
import baseline_city20212022H1 from '../../seeds/baselines/city-2021-2022h1.json' with { type: 'json' };
import baseline_county2019 from '../../seeds/baselines/county-2019.json' with { type: 'json' };
import baseline_national2022 from '../../seeds/baselines/national-2022.json' with { type: 'json' };
import baseline_xinjiang2020 from '../../seeds/baselines/xinjiang-2020.json' with { type: 'json' };
import scenario_banner2022 from '../../seeds/scenarios/banner-2022.json' with { type: 'json' };
import scenario_banner2023ImStandards from '../../seeds/scenarios/banner-2023-im-standards.json' with { type: 'json' };
import scenario_bannerIndividual400 from '../../seeds/scenarios/banner-individual-400.json' with { type: 'json' };
import scenario_city2021 from '../../seeds/scenarios/city-2021.json' with { type: 'json' };
import scenario_cityEmployerRateCut from '../../seeds/scenarios/city-employer-rate-cut.json' with { type: 'json' };
import scenario_cityFloor50 from '../../seeds/scenarios/city-floor-50.json' with { type: 'json' };
import scenario_national2022 from '../../seeds/scenarios/national-2022.json' with { type: 'json' };
import scenario_xinjiang2020 from '../../seeds/scenarios/xinjiang-2020.json' with { type: 'json' };

/** Keyed by path under rules/. */
export const RULE_FILES: Record<string, unknown> = {
  'banner/resident-2022.json': rule_bannerResident2022Json,
  'city/medical-maternity-2021.json': rule_cityMedicalMaternity2021Json,
  'inner-mongolia/resident-2022.json': rule_innerMongoliaResident2022Json,
  'national/account-reform-2021.json': rule_nationalAccountReform2021Json,
  'national/fund-warning.json': rule_nationalFundWarningJson,
  'national/medical-aid.json': rule_nationalMedicalAidJson,
  'national/resident-minimum.json': rule_nationalResidentMinimumJson,
  'national/retirement-age.json': rule_nationalRetirementAgeJson,
  'national/retirement-age-pre-reform.json': rule_nationalRetirementAgePreReformJson,
  'xinjiang/employee-2020.json': rule_xinjiangEmployee2020Json,
};

/** Keyed by name (the file name under seeds/baselines/ without .json). */
export const BASELINES: Record<string, unknown> = {
  'banner-2022': baseline_banner2022,
  'city-2021-2022h1': baseline_city20212022H1,
  'county-2019': baseline_county2019,
  'national-2022': baseline_national2022,
  'xinjiang-2020': baseline_xinjiang2020,
};

/** Keyed by name under seeds/scenarios/. */
export const EXAMPLE_SCENARIOS: Record<string, unknown> = {
  'banner-2022': scenario_banner2022,
  'banner-2023-im-standards': scenario_banner2023ImStandards,
  'banner-individual-400': scenario_bannerIndividual400,
  'city-2021': scenario_city2021,
  'city-employer-rate-cut': scenario_cityEmployerRateCut,
  'city-floor-50': scenario_cityFloor50,
  'national-2022': scenario_national2022,
  'xinjiang-2020': scenario_xinjiang2020,
};
