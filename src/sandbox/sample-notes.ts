// The property notes of the sandbox's made-up hostel, served by --demo. They match the facts the
// staff use in the seeded conversations.
export const SAMPLE_PROPERTY_NOTES = `# Casa Azul Hostel — notes for replies (SAMPLE DATA)

## Basics
- Address: Rua das Flores 28, 1200-195 Lisboa (Bairro Alto). Ring the Casa Azul bell at number 28.
- Reception: open 24 hours. Phone/WhatsApp +351 912 000 028. Email reception@casaazulhostel.pt.
- Check-in from 15:00. Check-out by 11:00. Late check-out until 13:00 costs €5, if the bed is free.
- Early arrival: bags can be left at reception for free from 08:00; the bed is ready from 15:00.
- Arriving after midnight is fine: the night shift has the keys. Tell us the arrival time.

## Getting here
- From the airport: metro red line to Alameda, green line to Baixa-Chiado, then 8 minutes' walk uphill (about 40 minutes, €1.85). Taxi or ride-hailing about €15–20, 25 minutes.
- Airport transfer on request: €25 per car (up to 3 people), book 24 hours ahead.
- Coaches and cars cannot enter Rua das Flores; they can stop briefly on Rua do Loreto, 3 minutes away.

## Rooms and rules
- Mixed dorms (6 and 8 beds), a female-only dorm (6 beds), private twins.
- Dorm guests must be 18 or older. Groups with under-18s only with accompanying teachers or parents, in private rooms or whole dorms.
- Quiet hours 23:00–08:00. No pets (assistance dogs welcome).
- Lockers under every bed (fit a 40 L backpack): bring a padlock or rent one at reception for €3.
- Towels: rent for €2 (bed linen is included).

## Food and services
- Breakfast 07:30–10:30, €6 (vegetarian-friendly; vegan options on request the day before).
- Laundry: €8 per load, wash and dry, ready in 3 hours.
- Wi-Fi: network CasaAzul_Guests, password given at check-in (do not send it before arrival).
- No parking at the hostel; nearest public garage: Parque Camões, about €20 per 24 hours.

## Money
- City tax: €4 per person per night (13 and over), paid on arrival.
- Cancellations and refunds follow the booking channel's policy; anything beyond it needs the manager's approval.
- Invoices with company details on request, issued at check-out.
`;
