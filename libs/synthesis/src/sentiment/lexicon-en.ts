/**
 * English sentiment lexicon for customer-experience talk, on the -2..+2 scale.
 * Stemmed at load (Porter2/Snowball); "=word" matches that exact word only.
 * "like" is only listed in first-person phrases: as a preposition or filler
 * ("looks like", "like, you know") it carries no sentiment.
 */
export const EN_SENTIMENT: ReadonlyArray<readonly [number, string]> = [
  [
    2,
    `excellent, outstanding, amazing, awesome, fantastic, fabulous, wonderful, brilliant, superb, perfect, perfectly,
    flawless, flawlessly, exceptional, incredible, delightful, delighted, thrilled, ecstatic, love, loved, loving,
    adore, best, the best, phenomenal, stellar, spectacular, top notch, first class, world class, blown away,
    above and beyond, went above and beyond, exceeded my expectations, lifesaver, life saver, highly recommend,
    =wow, marvellous, marvelous, impeccable, terrific, magnificent, exquisite, spot on`,
  ],
  [
    1.5,
    `good, great, nice, i like, i liked, we like, we liked, i really like, really liked, enjoy, enjoyed, enjoyable,
    pleased, happy, glad, satisfied, impressed, impressive, recommend, recommended, grateful, thankful, appreciate,
    appreciated, =helpful, friendly, polite, courteous, kind, =caring, attentive, professional, professionally,
    knowledgeable, competent, reliable, reliably, trustworthy, high quality, well made, beautiful, lovely,
    pleasant, pleasantly, pleasantly surprised, cool, neat, sweet, smooth, smoothly, seamless, seamlessly, effortless,
    effortlessly, hassle free, trouble free, worth it, worth the money, good value, great value, value for money,
    refunded, full refund, money back, got my money back, refund was quick, on time, arrived on time,
    delivered on time, right on time, ahead of schedule, arrived early, solved, resolved, fixed it, sorted it,
    sorted out, works perfectly, works great, works well, worked perfectly, no problems, no issues, better, improved,
    fresh, clean, tasty, delicious, stylish, gorgeous, fun, exciting, excited, relieved, comfortable, reassuring,
    reassured, trust, fair, honest, transparent, responsive, prompt, promptly, quick response, fast response`,
  ],
  [
    1,
    `convenient, conveniently, convenience, easy, easily, simple, straightforward, intuitive, user friendly, fast,
    quick, quickly, speedy, efficient, efficiently, clear, clearly, =useful, handy, practical, affordable, cheaper,
    inexpensive, free, free delivery, free shipping, discount, discounts, bonus, bonuses, cashback, gift,
    bargain, save, saved, saving, savings, thanks, thank you, thank, =helped, secure, safe, safely, accurate,
    accurately, informative, detailed, well organised, well organized, organised, organized, tidy, spacious, cozy,
    cosy, comfy, calm, quiet, modern, interesting, interested, curious, confident, confidence, available,
    in stock, wide range, wide choice, great selection, personal, personalised, personalized, flexible, seamless experience,
    replaced, replacement, exchanged, called back, got back to me, answered quickly, easy to use,
    same day, next day, in time, not bad, decent, solid, smart, recommendation, upgrade, upgraded`,
  ],
  [
    0,
    // Set phrases that contain a lexicon word but carry no sentiment of their own.
    `to be honest, to be fair, if i'm honest, thank god, no thanks, like it or not, feel free`,
  ],
  [
    0.5,
    `=ok, =okay, fine, alright, acceptable, reasonable, reasonably, fair enough, cheap, adequate, sufficient, so so, quality,
    got through, manageable, not too bad`,
  ],
  [
    -0.5,
    `nothing special, nothing to write home about, average, odd, strange, weird, queue, queues, fee, fees, commission, pricey, bit slow, boring, bland, noisy, crowded,
    cramped, tiny print, small print, doubt, doubts, doubtful, hesitant, unsure, unclear at first, had to wait,
    had to call, had to go, wait time, waiting time, cancel, cancelled, canceled, meh, so-so`,
  ],
  [
    -1,
    `inconvenient, inconvenience, unclear, confusing, confused, complicated, complex, difficult, hard to, hard,
    slow, slowly, sluggish, long wait, took =ages, took forever, =ages, forever, expensive, overpriced, =costly,
    late, delayed, delay, delays, problem, problems, issue, issues, error, errors, glitch, glitches, glitchy, bug,
    bugs, buggy, crash, crashed, crashes, crashing, freezes, froze, frozen, lag, laggy, unhappy, dissatisfied,
    unsatisfied, unfortunately, sadly, regret, regretted, useless, unreliable, clunky, awkward, embarrassing,
    suspicious, shady, pushy, spam, spammy, penalty, fine print, hidden fees, hidden charges, overcharged,
    overcharge, charged twice, refused, denied, rejected, couldn't get through, could not get through, on hold,
    put on hold, kept on hold, waited for, kept waiting, stressful, stressed, stress, anxious, worried, worry,
    nervous, afraid, scared, tired, exhausting, exhausted, indifferent, careless, unhelpful, incompetent,
    no one answered, nobody answered, no response, no reply, never answered, never replied, never called back,
    didn't call back, didn't answer, didn't arrive, never arrived, never came, not delivered, wasn't delivered,
    didn't work, doesn't work, don't work, not working, never worked, stopped working, wouldn't load, won't load,
    couldn't, can't find, hard to find, =missing, lost, wrong, wrong size, wrong item, incorrect, mistake, mistakes,
    mixed up, outdated, dirty, messy, scratched, dented, damaged, worse, poor, poorly, lacking, limited, annoyed,
    frustrated, frustration, disappointing, inconsistent, mediocre, disorganised, disorganized, pain, hassle, nuisance,
    annoyance, headache, nightmare to`,
  ],
  [
    -1.5,
    `bad, badly, disappointed, disappointment, let down, broken, broke, faulty, defective, defect, rude, rudely,
    impolite, unprofessional, annoying, irritating, irritated, angry, upset, frustrating, complaint, complaints,
    complain, complained, ignored, ignoring, lost my order, lost my package, ruined, spoiled, spoilt, poor quality,
    low quality, cheaply made, waste, wasted, waste of time, waste of money, failed, failure, fail, fails, unacceptable,
    outrageous, ridiculous, inadequate, horrid, shoddy, sloppy, bad service, poor service, no help, not =helpful,
    misleading, misled, unfair, ripped off, mess, chaos`,
  ],
  [
    -2,
    `terrible, terribly, horrible, horribly, =awful, =awfully, dreadful, disgusting, disgusted, appalling, atrocious,
    abysmal, worst, the worst, hate, hated, hating, nightmare, disaster, scam, scammed, fraud, fraudulent, cheated,
    rip off, rip-off, furious, livid, outraged, infuriating, never again, never again will, avoid at all costs,
    do not recommend, don't recommend, would not recommend, wouldn't recommend, humiliating, humiliated, insulting,
    insulted, hostile, stole, stolen, theft, pathetic, useless service, garbage, trash, rubbish, crap, sucks, sucked`,
  ],
];
