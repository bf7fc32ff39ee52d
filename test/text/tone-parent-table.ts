/**
 * Sentences written for smcheck's tone rework (issue 11), in the shapes a parent reads as a dig
 * and the sad-but-kind ones a parent would not mind. Written and labelled by hand before the
 * rule's lists were changed for them; none is taken from any data set. [sentence, expected]:
 * 'grievance' must be an error, 'flag' at least a warning, 'none' never flagged.
 */
export const parentTable: Array<[string, 'grievance' | 'flag' | 'none']> = [
  // ironic thanks
  ['Special thanks to whoever decided the bike-shed roof was the place for a football. Very grown up.', 'grievance'],
  ['Cheers, council, for the pothole that is now a pond 😡', 'grievance'],
  ['A huge thank you to the drivers who treat our zig-zags as a car park.', 'grievance'],
  ['Thanks so much to the person who helped themselves to the Year 2 sunflowers.', 'grievance'],
  ['Well done to whoever thought the staff car park was a drop-off zone.', 'grievance'],
  // an unnamed group
  ['A handful of families still think the gates open at 8:30.', 'grievance'],
  ['The people concerned know exactly what they did at the disco.', 'grievance'],
  ['They know who they are!', 'grievance'],
  ['No names mentioned, but the cones did not move themselves.', 'grievance'],
  ["We're sure it wasn't you who left the paint pots open in the art room.", 'grievance'],
  ['Parents who are late for pick-up are making staff stay late every day.', 'grievance'],
  ['Those responsible for the litter on the field should be ashamed.', 'grievance'],
  ['Some of you clearly did not read the letter about the trip money.', 'grievance'],
  ['A couple of parents decided to argue with the referee in front of the children.', 'grievance'],
  // sarcasm and weariness
  ['Clearly the reading books returned themselves to the wrong classroom.', 'grievance'],
  ['It really isn’t difficult to put a coat on a peg.', 'grievance'],
  ['How many times do we need to say this?', 'grievance'],
  ['The council, in their wisdom, have closed the only crossing.', 'grievance'],
  ['Is it really so hard to shut the gate behind you?', 'grievance'],
  ['Apparently the rules on jewellery are optional for some.', 'grievance'],
  // digs at staff, another school, the council
  ['Mr Lane finally found the register 🙄', 'grievance'],
  ['Mrs Ford is absent yet again, so Year 3 have another supply teacher.', 'grievance'],
  ['Congratulations to a school up the road that rates itself rather highly 😏', 'grievance'],
  ['The council has once again ignored our letters about the broken lights.', 'grievance'],
  ['Our kitchen staff managed to burn the pasta again, impressive stuff.', 'grievance'],
  // scolding in capitals and threats
  ['Term-time holidays are NOT authorised and we are sick of the same excuses. Penalties WILL follow.', 'grievance'],
  ['Dogs are NOT allowed on the playground, and we are tired of repeating it.', 'grievance'],
  ['Anyone caught parking on the zig-zags WILL be reported to the police.', 'grievance'],
  ['Parents who post negative comments about staff online will face legal action.', 'grievance'],
  // mild negativity blaming no one: a warning
  ['What a miserable, horrible, soaking wet week it has been.', 'flag'],
  ['The new car park layout is an absolute disaster.', 'flag'],
  // sad but kind, and notices a parent would not mind
  ['Mr Evans leaves us this week after twenty years and we will miss him so much!', 'none'],
  ['We are so sad to see Mrs Hall go, and we will all miss her terribly.', 'none'],
  ['Has anyone seen Tiger, a ginger cat lost near the school? The owners are really worried.', 'none'],
  ['Our school hamster has gone missing and the children are very upset; please check your sheds.', 'none'],
  ['This Mental Health Week we are learning that it’s fine to feel sad sometimes.', 'none'],
  ['It is normal to feel worried or angry now and then, and talking helps.', 'none'],
  ['Amira beat Mrs Lee in ten moves at chess club!', 'none'],
  ['Our under-11s lost 3-0 to a very strong Hillside side, but never gave up.', 'none'],
  ['We were beaten by Oakfield in the final, but it was a brilliant tournament.', 'none'],
  ['Lots of unnamed jumpers are in lost property: please check before half term.', 'none'],
  ['A single black glove was left behind after the concert and is at the office.', 'none'],
  ['We were saddened to hear of the death of our former caretaker, and our thoughts are with his family.', 'none'],
  ['Sadly the trip has been cancelled because the coach company has gone bust.', 'none'],
  ['Unfortunately we have had to close the school today because of the burst pipe.', 'none'],
  ['Please could parents park away from the zig-zags so everyone can cross safely.', 'none'],
  ['Thank you to everyone who came to help us clear the flooded garden.', 'none'],
  ['Thank you to whoever handed in a lost phone at the gate this morning.', 'none'],
  ['Some of you have asked about the dates for the summer fair: here they are.', 'none'],
  ['Year 6 wrote angry letters to the council about plastic in the sea.', 'none'],
  ['Our chess team was disappointed to lose, but they played fair and shook hands.', 'none'],
  ['Please keep dogs on leads outside the gate, as some children are frightened of them.', 'none'],
  ['Clearly label all uniform, please, so lost items can come home.', 'none'],
  ['How many times can you skip in a minute? Find out at sports day!', 'none'],
  ['Nobody was hurt when the tree came down in the storm, but the field is closed.', 'none'],
  ['Staff are sorry that the phones were down yesterday; they are working again now.', 'none'],
  ['Well done to the children who tidied the library without being asked!', 'none'],
];
