/**
 * The society's FAQ, word for word, in the rich-text format of platform/views/rich-text.tsx
 * (blank line between blocks, "- " list items, [text](link)). Seeded once; staff edit it afterwards.
 */
export type FaqSeed = { slug: string; title: string; entries: { slug: string; question: string; answer: string }[] }

export function faqSeed(officeEmail: string): { intro: string; categories: FaqSeed[] } {
  return {
    intro: `We have arranged our frequently asked questions into groups to make navigating this part of the site easier - if you have a question that is not answered here, then please let us know and we will endeavor to both answer your query and update this page in order to help others. To send us an email, just [click this link](mailto:${officeEmail}).`,
    categories: [
      {
        slug: 'case-management',
        title: 'Questions about Case Management',
        entries: [
          {
            slug: 'what-is-case-management',
            question: 'What is Case Management?',
            answer: `CMSUK define Case Management as:

‘Case Management is a collaborative process which: assesses, plans, implements, co-ordinates, monitors and evaluates the options and services required to meet an individuals health, social care, educational and employment needs, using communication and available resources to promote quality cost effective outcomes.’`,
          },
        ],
      },
      {
        slug: 'membership',
        title: 'Questions about membership',
        entries: [
          {
            slug: 'how-do-i-apply-for-membership',
            question: 'How do I apply for membership?',
            answer:
              'From the CMSUK home page of the website click on the [‘Apply for Membership’](/apply) button and follow the online form prompts. Be sure to have details handy of your qualifications, professional associations, two references and your work history. You will also have to confirm that you have appropriate insurance and are CRB checked.',
          },
          {
            slug: 'when-do-i-pay-for-my-new-membership',
            question: 'When do I pay for my new membership?',
            answer:
              'You only pay for your membership once your application has been approved. Once approved you will receive an email informing you of the fee due to activate your membership.',
          },
          {
            slug: 'how-do-i-pay-for-my-membership',
            question: 'How do I pay for my membership?',
            answer: `- Whether renewing an existing membership or paying for a new membership you can pay a number of ways:
- By cheque made payable to CMSUK and sent to PO Box 293, Sutton, Surrey SM1 9BH. Please make sure to put your name and membership number on the back of the cheque.
- By card via the CMSUK website. Click the [‘Login’](/login) prompt in the top right hand corner of the home page. Enter the email address you provided within your ‘Home’ information and password you created at the start of the application process within the boxes provided. This should allow you to successfully login. If you do not remember your password follow the instructions for a new temporary password to be sent to you by email. Once you have successfully managed to login follow the prompt to view your profile and then hit the ‘Pay’ button. This will then take you through to PayPal where you can pay using a card or a PayPal account.
- By BACS payment. Please [email](mailto:${officeEmail}) and request the appropriate information.`,
          },
          {
            slug: 'which-type-of-membership-do-i-apply-for',
            question: 'Which type of Membership do I apply for?',
            answer: `CMSUK has three main individual types of membership:

- Case Manager
- Associate
- Supporter

Case Manager membership (£75 per annum*)is, CMSUK’s advanced membership. The criteria for Case Manager membership is that the applicant hold a diploma or higher level educational qualification for health/social/vocational and human services personnel related to case management.

In addition to any specific training, a minimum of 24 months or 2500 hours of active specific case management experience should be obtained before applying for full membership.

CMSUK also need to ensure that clinical qualifications are endorsed by the appropriate registered body ie NMC for nurses, HPC for OT’s & Physios etc.

Vocational Case Managers are the only exception to the requirement for appropriate registered body affiliation but can only have a recorded ‘area of expertise’ as being ‘Vocational’ without having a clinical qualification and registered body. No clinical area of expertise will be assigned to a member without having appropriate clinical qualifications and registered body affiliation.

Associate Membership (£60 per annum*) has the same criteria for membership as Case Manager membership. The only difference is that the applicant does not have to meet the requirement of 24 months or 2500 hours of active specific case management experience.

Supporter Membership (£60 per annum*)is for people who do not practice Case Management but work either in a supportive or managerial role and want to be kept informed. Obviously the criteria for this type of membership is very loose but there would be no pathway to upgrade from this membership to either Associate or Case Manager membership without first meeting the criteria as set out above.

*Please note: Companies with four or more members are eligible for 20% discount off all membership fees. Email [${officeEmail}](mailto:${officeEmail}) for more information.`,
          },
          {
            slug: 'what-are-the-benefits-of-individual-membership',
            question: 'What are the benefits of individual Membership?',
            answer: `The Benefits of individual CMSUK membership are:

${BENEFITS}`,
          },
        ],
      },
      {
        slug: 'standards-and-code-of-ethics',
        title: 'Questions relating to CMSUK Standards & Code of Ethics',
        entries: [
          {
            slug: 'how-long-should-client-notes-be-kept',
            question:
              'How long do CMSUK stipulate that an organisation keeps clients notes for before destroying?',
            answer: `Medical records should be kept for 7 years post last piece of treatment – however some claims go on for longer than 7 years and you therefore have to keep all your notes 7 years post case management intervention – this therefore could be for life if case management is involved for life.

Children’s notes should be kept until they reach 18 years old – as when they become an adult in their own right they could potentially sue the solicitor if they do not believe their claim was settled appropriately.

The Data Protection Act says that information should be kept for no longer than is necessary. The Act does not specify what a ‘necessary’ period should be for particular information. Each case would be considered on its own merits. If an organisation is obliged to retain data for a given length of time under any other laws, this should be taken into consideration.`,
          },
        ],
      },
    ],
  }
}

export const BENEFITS = `- Professional development and educational offerings: CMSUK strive to hold two study days per year and one two Day Conference. All CMSUK events are built to improve the education and professional development of the attendees. In addition, at the CMSUK Annual Conference we also hold our AGM where attendees can get an insight into the work the CMSUK Board are doing to promote the strategic aims of CMSUK. At the Conference Dinner Dance CMSUK also host the CMSUK Case Manager of the Year Award.
- Reduced CMSUK events fees
- Networking with other case managers facing similar challenges
- Links with purchasers
- Opportunity to influence the development of CMSUK and to develop a broader range of skills through by becoming involved in one of the CMSUK Committees such as Events, Education, Website, Newsletter and Standards & Ethics.
- Access to the new CMSUK online newsletter highlighting topical issues
- Please note: In addition to all the above our Case Manager Members also have the choice to opt in to a facility whereby they can be contacted via the CMSUK website by potential purchasers of services looking for an appropriate Case Manager. Searches can be done by geographic area of working or area of expertise. In this way CMSUK strive to improve referrals to our Case Managers.`
