Feature: NAT translates inside hosts the way IOS 12.2 does
  With the crypto maps removed, Daphne hides its LAN behind its WAN address (PAT) or gives one
  host a static global address; fred sees only the translated addresses.

  Background:
    Given the lab "ted-doc"
    And I configure "Daphne" with:
      """
      interface FastEthernet0/0
       no crypto map tedtag
       ip nat outside
      interface FastEthernet0/1
       ip nat inside
      """
    And I configure "fred" with:
      """
      interface FastEthernet0/0
       no crypto map tedtag
      """

  Scenario: With overload the inside host's pings leave from Daphne's WAN address and the replies find it
    When I configure "Daphne" with:
      """
      access-list 1 permit 13.13.13.0 0.0.0.255
      ip nat inside source list 1 interface FastEthernet0/0 overload
      """
    And I configure "fred" with:
      """
      access-list 150 permit icmp host 11.11.11.1 any
      interface FastEthernet0/1
       ip access-group 150 out
      """
    And host "pc-daphne" pings "pc-fred"
    Then the ping shows "!!!!!"
    When I run "show access-lists 150" on "fred"
    Then the output contains "permit icmp host 11.11.11.1 any (5 matches)"
    When I run "show ip nat translations" on "Daphne"
    Then the output matches:
      """
      Pro Inside global      Inside local       Outside local      Outside global
      icmp 11.11.11.1:1      13.13.13.14:1      12.12.12.13:1      12.12.12.13:1
      """
    When 61 seconds pass
    And I run "show ip nat translations" on "Daphne"
    Then the output does not contain "13.13.13.14"

  Scenario: A static translation is always in the table, and Daphne answers for its global address on the WAN
    When I configure "Daphne" with:
      """
      ip nat inside source static 13.13.13.14 11.11.11.14
      """
    And I run "show ip nat translations" on "Daphne"
    Then the output matches:
      """
      Pro Inside global      Inside local       Outside local      Outside global
      --- 11.11.11.14        13.13.13.14        ---                ---
      """
    When host "pc-fred" pings "11.11.11.14"
    Then the ping shows "!!!!!"
    When I run "show running-config" on "Daphne"
    Then the output contains "ip nat inside source static 13.13.13.14 11.11.11.14"
