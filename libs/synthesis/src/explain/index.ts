export { describeClusters, type ClusterDescription, type DescribeInput } from './describe-clusters';
export { classTfidf, termsOf, type ClassTerm } from './class-tfidf';
export { representativeMembers } from './representatives';
