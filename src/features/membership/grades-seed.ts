/** The three grades of the FAQ with their fees per annum (rule 1); staff-editable data once seeded. */
export const gradesSeed = [
  {
    code: 'case-manager',
    name: 'Case Manager',
    fee_pence: 7500,
    practising: true,
    position: 1,
    summary: 'CMSUK’s advanced membership, for practising case managers.',
    criteria: [
      'A diploma or higher level educational qualification for health, social, vocational and human services personnel related to case management.',
      'At least 24 months or 2,500 hours of active specific case management experience.',
      'Clinical qualifications endorsed by the appropriate registered body, such as the NMC for nurses or the HCPC for occupational therapists and physiotherapists.',
      'Vocational case managers are the only exception to registered body affiliation, and can then only record ‘Vocational’ as their area of expertise.',
    ],
  },
  {
    code: 'associate',
    name: 'Associate',
    fee_pence: 6000,
    practising: true,
    position: 2,
    summary: 'The same criteria as Case Manager membership, without the experience requirement.',
    criteria: [
      'A diploma or higher level educational qualification for health, social, vocational and human services personnel related to case management.',
      'Clinical qualifications endorsed by the appropriate registered body.',
      'No minimum case management experience: you can upgrade to Case Manager once you have 24 months or 2,500 hours.',
    ],
  },
  {
    code: 'supporter',
    name: 'Supporter',
    fee_pence: 6000,
    practising: false,
    position: 3,
    summary:
      'For people who do not practise case management but work in a supportive or managerial role and want to be kept informed.',
    criteria: [
      'No formal criteria.',
      'There is no pathway to upgrade to Associate or Case Manager without a full application that meets their criteria.',
    ],
  },
]
