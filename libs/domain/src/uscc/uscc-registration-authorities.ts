/**
 * Position 1 (registration authority, 登记管理部门代码) and position 2 (organisation type,
 * 机构类别代码) of a unified social credit code.
 *
 * Source: GB 32100-2015 Appendix A, with the later additions of `A` (Central Military Commission
 * establishment office) and `N` (agriculture and rural affairs: rural collective economic
 * organisations). `Y` ("other") has no further subdivision and always uses type `1`.
 */
export interface UsccRegistrationAuthority {
  readonly code: string;
  readonly name: string;
  readonly nameZh: string;
  /** Allowed position-2 characters for this authority, with what each means. */
  readonly organisationTypes: Readonly<Record<string, string>>;
}

export const USCC_REGISTRATION_AUTHORITIES: readonly UsccRegistrationAuthority[] = [
  {
    code: '1',
    name: 'Institutional establishment',
    nameZh: '机构编制',
    organisationTypes: { '1': 'Government organ', '2': 'Public institution', '3': 'Mass organisation', '9': 'Other' },
  },
  { code: '2', name: 'Foreign affairs', nameZh: '外交', organisationTypes: { '1': 'Resident foreign news agency', '9': 'Other' } },
  {
    code: '3',
    name: 'Judicial administration',
    nameZh: '司法行政',
    organisationTypes: {
      '1': 'Law firm',
      '2': 'Notary office',
      '3': 'Grassroots legal service',
      '4': 'Forensic appraisal institution',
      '5': 'Arbitration commission',
      '9': 'Other',
    },
  },
  { code: '4', name: 'Culture', nameZh: '文化', organisationTypes: { '1': 'Foreign cultural centre', '9': 'Other' } },
  {
    code: '5',
    name: 'Civil affairs',
    nameZh: '民政',
    organisationTypes: { '1': 'Social organisation', '2': 'Private non-enterprise unit', '3': 'Foundation', '9': 'Other' },
  },
  {
    code: '6',
    name: 'Tourism',
    nameZh: '旅游',
    organisationTypes: { '1': 'Foreign tourism representative office', '2': 'Hong Kong, Macao or Taiwan tourism representative office', '9': 'Other' },
  },
  { code: '7', name: 'Religious affairs', nameZh: '宗教', organisationTypes: { '1': 'Place of religious activity', '2': 'Religious school', '9': 'Other' } },
  { code: '8', name: 'Trade unions', nameZh: '工会', organisationTypes: { '1': 'Grassroots trade union', '9': 'Other' } },
  {
    code: '9',
    name: 'Market regulation (industry and commerce)',
    nameZh: '工商',
    organisationTypes: { '1': 'Enterprise', '2': 'Individual business', '3': "Farmers' specialised cooperative" },
  },
  { code: 'A', name: 'Central Military Commission establishment office', nameZh: '中央军委改革和编制办公室', organisationTypes: { '1': 'Military public institution', '9': 'Other' } },
  {
    code: 'N',
    name: 'Agriculture and rural affairs',
    nameZh: '农业',
    organisationTypes: {
      '1': 'Group-level collective economic organisation',
      '2': 'Village-level collective economic organisation',
      '3': 'Township-level collective economic organisation',
      '9': 'Other',
    },
  },
  { code: 'Y', name: 'Other', nameZh: '其他', organisationTypes: { '1': 'Not subdivided' } },
];

export function findUsccRegistrationAuthority(code: string): UsccRegistrationAuthority | undefined {
  return USCC_REGISTRATION_AUTHORITIES.find((authority) => authority.code === code);
}
