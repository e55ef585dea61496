import type { ValueLabels } from '../value-labels';

export const en: ValueLabels = {
  leadStatus: { new: 'New', contacted: 'Contacted', qualified: 'Qualified', won: 'Won', lost: 'Lost' },
  conversationStatus: { open: 'Open', closed: 'Closed', handoff: 'Handed to a person' },
  bookingStatus: { requested: 'Requested', confirmed: 'Confirmed', cancelled: 'Cancelled', done: 'Done' },
  channel: { widget: 'Website chat', voice: 'Website voice', phone: 'Phone call', api: 'API' },
  intent: {
    greeting: 'Greeting',
    hours: 'Opening hours',
    pricing: 'Prices',
    booking: 'Booking',
    order_status: 'Order status',
    handoff: 'Asks for a person',
    complaint: 'Complaint',
    goodbye: 'Goodbye',
    product_search: 'Product search',
    question: 'Other question',
  },
  language: { fr: 'French', en: 'English', es: 'Spanish', ar: 'Arabic', ary: 'Darija (Moroccan Arabic)' },
  role: { owner: 'Owner', admin: 'Admin', member: 'Member' },
  invitationStatus: { pending: 'Pending', accepted: 'Accepted', revoked: 'Revoked', expired: 'Expired' },
  messageRole: { user: 'Customer', assistant: 'Agent', system: 'System', tool: 'Tool' },
  callDirection: { inbound: 'Incoming', outbound: 'Outgoing' },
};
