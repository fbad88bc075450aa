import { BENEFITS } from './faq-seed.ts'

export type PageSeed = { slug: string; title: string; summary: string; body: string }

/** The public pages, written from the FAQ. Seeded once; staff edit them afterwards. */
export function pagesSeed(officeEmail: string, postalAddress: string): PageSeed[] {
  return [
    {
      slug: 'home',
      title: 'Case Management Society UK',
      summary:
        'CMSUK is the professional society for case managers in the United Kingdom: we set standards, support professional development and connect case managers with the people who need them.',
      body: `Case managers coordinate the health, social care, educational and employment support that people need after injury or illness. CMSUK brings them together: study days and an annual two-day conference, committees that shape the profession, a members’ newsletter, and a directory where solicitors, insurers and employers can find a case manager.

Membership is open to case managers, associates and supporters. You apply online, our office reviews your application, and you only pay once it has been approved.`,
    },
    {
      slug: 'what-is-case-management',
      title: 'What is case management?',
      summary: 'How CMSUK defines case management.',
      body: `CMSUK define Case Management as:

‘Case Management is a collaborative process which: assesses, plans, implements, co-ordinates, monitors and evaluates the options and services required to meet an individuals health, social care, educational and employment needs, using communication and available resources to promote quality cost effective outcomes.’`,
    },
    {
      slug: 'membership',
      title: 'Membership',
      summary: 'CMSUK has three main individual types of membership: Case Manager, Associate and Supporter.',
      body: `You only pay for your membership once your application has been approved. Once approved you will receive an email informing you of the fee due to activate your membership.

Be sure to have details handy of your qualifications, professional associations, two references and your work history. You will also have to confirm that you have appropriate insurance and are CRB checked.`,
    },
    {
      slug: 'benefits',
      title: 'Benefits of membership',
      summary: 'The Benefits of individual CMSUK membership are:',
      body: BENEFITS,
    },
    {
      slug: 'contact',
      title: 'Contact us',
      summary:
        'If you have a question that is not answered in our frequently asked questions, please let us know.',
      body: `To send us an email, just [click this link](mailto:${officeEmail}).

## By post

${postalAddress}

## By phone

Leave your number with our [Request a Callback](/request-a-callback) form and a member of the office team will call you back.`,
    },
    {
      slug: 'request-a-callback',
      title: 'Request a Callback',
      summary: 'Leave your details and a member of the CMSUK office team will call you back.',
      body: 'We call back during office hours, usually within two working days. Tell us when suits you best and what you would like to talk about, so the right person calls.',
    },
    {
      slug: 'apply',
      title: 'Apply for Membership',
      summary: 'The online application is coming soon.',
      body: `Our online application form is being built. When it opens you will apply here, step by step, and you can save your answers and come back later.

Be sure to have details handy of your qualifications, professional associations, two references and your work history. You will also have to confirm that you have appropriate insurance and are CRB checked.

Until then, please [email the office](mailto:${officeEmail}) or [request a callback](/request-a-callback).`,
    },
    {
      slug: 'privacy',
      title: 'How we use your details',
      summary: 'What CMSUK does with the personal information you give us.',
      body: `We use the details you give us only for the purpose you gave them: to answer your question, to call you back, to process your application or to run your membership. We do not sell or share them for marketing.

We keep information no longer than is necessary. Callback requests are deleted once they have been dealt with and are no longer needed.

This site uses only the cookies it needs to work, such as the one that protects its forms. To ask what we hold about you, or to have it corrected or deleted, [email the office](mailto:${officeEmail}).`,
    },
  ]
}
