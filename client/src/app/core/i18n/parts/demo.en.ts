/** English UI strings of the demo screens; merged into EN_MESSAGES. */
export const DEMO_EN = {
  'demo.title': 'Demo project',
  'demo.create': 'Create demo project',
  'demo.emptyHint': 'Not sure where to start? Explore a complete example: an online cosmetics shop with survey responses, focus groups, interviews, a synthesis and a journey map.',
  'demo.creating': 'Creating the demo project… This takes up to a minute.',
  'demo.usersTitle': 'Demo project created',
  'demo.usersIntro': 'Sign in as these accounts to see the project in every role. Copy the passwords now: they are shown only once.',
  'demo.noUsers': 'The demo project is ready.',
  'demo.role': 'Role',
  'demo.email': 'Email',
  'demo.password': 'Password',
  'demo.copy': 'Copy',
  'demo.copied': 'Copied',
  'demo.copyAll': 'Copy all',
  'demo.open': 'Open the journey map',
} as const satisfies Record<string, string>;
